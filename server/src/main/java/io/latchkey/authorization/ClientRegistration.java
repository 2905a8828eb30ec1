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
 * (default) or {@code client_secret_post}
 * @param requireConsent whether people are asked before the client gets access
 * @param tokenLifetimes lifetimes; {@code null} members take the defaults
 */
public record ClientRegistration(String clientId, String clientName, ClientType type, List<String> redirectUris,
		List<String> grantTypes, Set<String> scopes, @Nullable String tokenEndpointAuthMethod, boolean requireConsent,
		TokenLifetimes tokenLifetimes) {

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

}
