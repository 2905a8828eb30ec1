package io.latchkey.authorization;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A client as Latchkey registers it; {@link ClientRegistrations} turns it into the
 * library's {@code RegisteredClient}.
 *
 * @param clientId the public identifier
 * @param clientName shown on consent and device pages
 * @param type public (native, browser; PKCE required, no secret) or confidential
 * @param redirectUris exact-match redirect URIs (loopback ones match on any port)
 * @param grantTypes OAuth grant type names
 * @param scopes the scopes the client may ask for
 * @param tokenEndpointAuthMethod for confidential clients, {@code client_secret_basic}
 * (default), {@code client_secret_post}, {@code tls_client_auth} or
 * {@code self_signed_tls_client_auth}
 * @param requireConsent whether people are asked before the client gets access
 * @param tokenLifetimes lifetimes; {@code null} members take the defaults
 * @param mutualTls the client's certificate settings (RFC 8705)
 */
public record ClientRegistration(String clientId, String clientName, ClientType type, List<String> redirectUris,
		List<String> grantTypes, Set<String> scopes, @Nullable String tokenEndpointAuthMethod, boolean requireConsent,
		TokenLifetimes tokenLifetimes, MutualTls mutualTls) {

	public ClientRegistration(String clientId, String clientName, ClientType type, List<String> redirectUris,
			List<String> grantTypes, Set<String> scopes, @Nullable String tokenEndpointAuthMethod,
			boolean requireConsent, TokenLifetimes tokenLifetimes) {
		this(clientId, clientName, type, redirectUris, grantTypes, scopes, tokenEndpointAuthMethod, requireConsent,
				tokenLifetimes, MutualTls.NONE);
	}

	public static ClientRegistration confidential(String clientId, String clientName, List<String> grantTypes,
			Set<String> scopes) {
		return new ClientRegistration(clientId, clientName, ClientType.CONFIDENTIAL, List.of(), grantTypes, scopes,
				null, false, TokenLifetimes.DEFAULTS);
	}

	public static ClientRegistration publicNative(String clientId, String clientName, List<String> redirectUris,
			Set<String> scopes) {
		return new ClientRegistration(clientId, clientName, ClientType.PUBLIC, redirectUris,
				List.of("authorization_code", "refresh_token"), scopes, null, true, TokenLifetimes.DEFAULTS);
	}

	/**
	 * Whether people are asked when nobody said: yes for every client a person signs in
	 * to (the authorization-code and device grants), so a first-party app skips the
	 * question only when registered with {@code require_consent: false}.
	 */
	public static boolean requiresConsentByDefault(List<String> grantTypes) {
		return grantTypes.contains("authorization_code")
				|| grantTypes.contains("urn:ietf:params:oauth:grant-type:device_code");
	}

	/** Whether a client is public or confidential (RFC 6749 §2.1). */
	public enum ClientType {

		PUBLIC, CONFIDENTIAL

	}

	/**
	 * Token lifetimes for one client.
	 */
	public record TokenLifetimes(@Nullable Duration accessToken, @Nullable Duration refreshToken,
			@Nullable Duration authorizationCode, @Nullable Duration deviceCode) {

		public static final TokenLifetimes DEFAULTS = new TokenLifetimes(null, null, null, null);

	}

	/**
	 * How a client proves itself with a certificate, and whether its tokens are bound to
	 * it (RFC 8705).
	 *
	 * @param subjectDn for {@code tls_client_auth}, the subject DN its certificate must
	 * carry (RFC 4514 form)
	 * @param jwksUri for {@code self_signed_tls_client_auth}, where its JWKS with the
	 * certificate is published
	 * @param boundAccessTokens whether access tokens carry the certificate's thumbprint
	 */
	public record MutualTls(@Nullable String subjectDn, @Nullable String jwksUri, boolean boundAccessTokens) {

		public static final MutualTls NONE = new MutualTls(null, null, false);

	}

}
