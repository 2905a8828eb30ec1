package io.latchkey.authorization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponseType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /.well-known/smart-configuration}: SMART App Launch 2 discovery, pointing at the
 * library's endpoints.
 */
@RestController
class SmartConfigurationController {

	/**
	 * The grants the token endpoint takes: the library's, as its OpenID metadata lists
	 * them, with the device grant its device endpoints add.
	 */
	static final List<String> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
			AuthorizationGrantType.CLIENT_CREDENTIALS.getValue(), AuthorizationGrantType.REFRESH_TOKEN.getValue(),
			AuthorizationGrantType.TOKEN_EXCHANGE.getValue(), AuthorizationGrantType.DEVICE_CODE.getValue());

	/**
	 * The client authentication methods the library accepts (the certificate ones over
	 * the mutual-TLS listener), and {@code none} for public clients.
	 */
	static final List<String> TOKEN_ENDPOINT_AUTH_METHODS = List.of(
			ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
			ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue(),
			ClientAuthenticationMethod.CLIENT_SECRET_JWT.getValue(),
			ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue(),
			ClientAuthenticationMethod.TLS_CLIENT_AUTH.getValue(),
			ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH.getValue(),
			ClientAuthenticationMethod.NONE.getValue());

	static final List<String> SCOPES = List.of("openid", "fhirUser", "profile", "offline_access", "launch/patient",
			"patient/*.rs", "user/*.rs", "roles");

	/** PKCE S256 only, as the library enforces it. */
	static final List<String> CODE_CHALLENGE_METHODS = List.of("S256");

	/**
	 * Only what the server does: v1 and v2 resource scopes are parsed and granted as a
	 * subset of the registered ones; no EHR launch.
	 */
	static final List<String> CAPABILITIES = List.of("launch-standalone", "client-public",
			"client-confidential-symmetric", "sso-openid-connect", "context-standalone-patient", "permission-offline",
			"permission-patient", "permission-user", "permission-v1", "permission-v2");

	/** Where a person sees and revokes the apps they connected. */
	static final String MANAGEMENT_PAGE = "/account";

	private final AuthorizationServerSettings settings;

	private final SmartSettings smart;

	SmartConfigurationController(AuthorizationServerSettings settings, SmartSettings smart) {
		this.settings = settings;
		this.smart = smart;
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
		body.put("grant_types_supported", GRANT_TYPES);
		body.put("token_endpoint_auth_methods_supported", TOKEN_ENDPOINT_AUTH_METHODS);
		body.put("scopes_supported", SCOPES);
		body.put("response_types_supported", List.of(OAuth2AuthorizationResponseType.CODE.getValue()));
		body.put("code_challenge_methods_supported", CODE_CHALLENGE_METHODS);
		body.put("management_endpoint", issuer + MANAGEMENT_PAGE);
		body.put("capabilities", capabilities());
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
	}

	/** The fixed ones, and the launch context parameters that are configured. */
	private List<String> capabilities() {
		List<String> capabilities = new ArrayList<>(CAPABILITIES);
		if (this.smart.needPatientBanner() != null) {
			capabilities.add("context-banner");
		}
		if (this.smart.smartStyleUrl() != null) {
			capabilities.add("context-style");
		}
		return capabilities;
	}

}
