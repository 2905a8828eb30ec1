package io.latchkey.admin;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latchkey.authorization.ClientRegistration.ClientType;
import io.latchkey.authorization.ClientRegistration.MutualTls;
import io.latchkey.authorization.ClientRegistration.TokenLifetimes;
import io.latchkey.authorization.ClientRegistrations;
import io.latchkey.authorization.InvalidClientRegistrationException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Admin API for OAuth clients: {@code /api/admin/clients}.
 */
@RestController
@RequestMapping("/api/admin/clients")
class ClientAdminController {

	private final ClientRegistrations registrations;

	private final ClientAdministration administration;

	ClientAdminController(ClientRegistrations registrations, ClientAdministration administration) {
		this.registrations = registrations;
		this.administration = administration;
	}

	@PostMapping
	ResponseEntity<CreatedClient> create(@RequestBody CreateClientRequest request) {
		CreatedClient created = this.administration.create(request);
		return ResponseEntity.created(URI.create("/api/admin/clients/" + created.clientId()))
			.header("Cache-Control", "no-store")
			.body(created);
	}

	@GetMapping("/{clientId}")
	ResponseEntity<Map<String, Object>> get(@PathVariable String clientId) {
		return this.registrations.find(clientId)
			.map(ClientAdminController::describe)
			.map(ResponseEntity::ok)
			.orElseThrow(() -> new NotFoundException("client"));
	}

	@DeleteMapping("/{clientId}")
	ResponseEntity<Void> delete(@PathVariable String clientId) {
		if (!this.registrations.delete(clientId)) {
			throw new NotFoundException("client");
		}
		return ResponseEntity.noContent().build();
	}

	static Map<String, Object> describe(RegisteredClient client) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("client_id", client.getClientId());
		view.put("client_name", client.getClientName());
		boolean isPublic = client.getClientAuthenticationMethods()
			.stream()
			.allMatch((m) -> "none".equals(m.getValue()));
		view.put("type", isPublic ? "public" : "confidential");
		view.put("redirect_uris", client.getRedirectUris());
		view.put("grant_types",
				client.getAuthorizationGrantTypes().stream().map((g) -> g.getValue()).sorted().toList());
		view.put("scopes", client.getScopes().stream().sorted().toList());
		view.put("token_endpoint_auth_methods",
				client.getClientAuthenticationMethods().stream().map((m) -> m.getValue()).sorted().toList());
		view.put("require_consent", client.getClientSettings().isRequireAuthorizationConsent());
		if (client.getClientSettings().getX509CertificateSubjectDN() != null) {
			view.put("tls_client_auth_subject_dn", client.getClientSettings().getX509CertificateSubjectDN());
		}
		if (client.getClientSettings().getJwkSetUrl() != null) {
			view.put("jwks_uri", client.getClientSettings().getJwkSetUrl());
		}
		view.put("tls_client_certificate_bound_access_tokens",
				client.getTokenSettings().isX509CertificateBoundAccessTokens());
		view.put("token_settings",
				Map.of("access_token_ttl", client.getTokenSettings().getAccessTokenTimeToLive().toSeconds(),
						"refresh_token_ttl", client.getTokenSettings().getRefreshTokenTimeToLive().toSeconds(),
						"authorization_code_ttl",
						client.getTokenSettings().getAuthorizationCodeTimeToLive().toSeconds(), "device_code_ttl",
						client.getTokenSettings().getDeviceCodeTimeToLive().toSeconds()));
		return view;
	}

	/**
	 * The body of {@code POST /api/admin/clients}, as DESIGN.md fixes it, with the RFC
	 * 8705 client metadata names for certificate clients.
	 */
	record CreateClientRequest(@JsonProperty("client_id") @Nullable String clientId,
			@JsonProperty("client_name") @Nullable String clientName, @Nullable String type,
			@JsonProperty("redirect_uris") @Nullable List<String> redirectUris,
			@JsonProperty("grant_types") @Nullable List<String> grantTypes, @Nullable List<String> scopes,
			@JsonProperty("token_endpoint_auth_method") @Nullable String tokenEndpointAuthMethod,
			@JsonProperty("require_consent") @Nullable Boolean requireConsent,
			@JsonProperty("token_settings") @Nullable TokenSettingsRequest tokenSettings,
			@JsonProperty("tls_client_auth_subject_dn") @Nullable String tlsClientAuthSubjectDn,
			@JsonProperty("jwks_uri") @Nullable String jwksUri,
			@JsonProperty("tls_client_certificate_bound_access_tokens") @Nullable Boolean certificateBoundAccessTokens) {

		MutualTls mutualTls() {
			return new MutualTls(this.tlsClientAuthSubjectDn, this.jwksUri,
					Boolean.TRUE.equals(this.certificateBoundAccessTokens));
		}

		ClientType clientType() {
			if ("public".equals(this.type)) {
				return ClientType.PUBLIC;
			}
			if ("confidential".equals(this.type)) {
				return ClientType.CONFIDENTIAL;
			}
			throw new InvalidClientRegistrationException("type must be 'public' or 'confidential'");
		}

		TokenLifetimes lifetimes() {
			if (this.tokenSettings == null) {
				return TokenLifetimes.DEFAULTS;
			}
			return new TokenLifetimes(seconds(this.tokenSettings.accessTokenTtl()),
					seconds(this.tokenSettings.refreshTokenTtl()), seconds(this.tokenSettings.authorizationCodeTtl()),
					seconds(this.tokenSettings.deviceCodeTtl()));
		}

		private static @Nullable Duration seconds(@Nullable Long value) {
			return (value != null) ? Duration.ofSeconds(value) : null;
		}

	}

	/**
	 * Token lifetimes in seconds.
	 */
	record TokenSettingsRequest(@JsonProperty("access_token_ttl") @Nullable Long accessTokenTtl,
			@JsonProperty("refresh_token_ttl") @Nullable Long refreshTokenTtl,
			@JsonProperty("authorization_code_ttl") @Nullable Long authorizationCodeTtl,
			@JsonProperty("device_code_ttl") @Nullable Long deviceCodeTtl) {

	}

	/**
	 * The answer to a registration; the secret is shown this once.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreatedClient(@JsonProperty("client_id") String clientId,
			@JsonProperty("client_secret") @Nullable String clientSecret) {

	}

}
