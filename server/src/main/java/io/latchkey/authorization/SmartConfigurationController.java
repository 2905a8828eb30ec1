package io.latchkey.authorization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /.well-known/smart-configuration}: SMART App Launch 2 discovery, pointing at the
 * library's endpoints.
 */
@RestController
class SmartConfigurationController {

	private final AuthorizationServerSettings settings;

	SmartConfigurationController(AuthorizationServerSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/.well-known/smart-configuration")
	ResponseEntity<Map<String, Object>> smartConfiguration() {
		String issuer = this.settings.getIssuer();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("issuer", issuer);
		body.put("jwks_uri", issuer + this.settings.getJwkSetEndpoint());
		body.put("authorization_endpoint", issuer + this.settings.getAuthorizationEndpoint());
		body.put("token_endpoint", issuer + this.settings.getTokenEndpoint());
		body.put("introspection_endpoint", issuer + this.settings.getTokenIntrospectionEndpoint());
		body.put("revocation_endpoint", issuer + this.settings.getTokenRevocationEndpoint());
		body.put("userinfo_endpoint", issuer + this.settings.getOidcUserInfoEndpoint());
		body.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
		body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
		body.put("scopes_supported", List.of("openid", "fhirUser", "profile", "offline_access", "launch/patient",
				"patient/*.rs", "user/*.rs", "roles"));
		body.put("response_types_supported", List.of("code"));
		body.put("code_challenge_methods_supported", List.of("S256"));
		body.put("capabilities",
				List.of("launch-standalone", "client-public", "client-confidential-symmetric", "sso-openid-connect",
						"context-standalone-patient", "permission-offline", "permission-patient", "permission-v2"));
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
	}

}
