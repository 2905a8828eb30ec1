package io.latchkey.authorization.store;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.latchkey.authorization.RefreshTokenReuseDetected;
import io.latchkey.authorization.store.HashedTokenAuthorizationService.ConcurrentGrantUseException;
import io.latchkey.authorization.store.HashedTokenAuthorizationService.RevokedFamily;
import io.latchkey.identity.CurrentAccounts;
import io.latchkey.identity.CurrentPerson;
import io.latchkey.identity.DirectoryUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks a refresh-token grant around the library's handling: a refresh token that
 * rotation already replaced revokes its whole family, whether it comes back later or
 * races the request that rotates it; a grant whose person was deleted, disabled or
 * dropped from the directory's mapped groups is revoked; and a public client whose tokens
 * are bound to a DPoP key must prove that key to refresh. Apply {@link #guard} to the
 * token endpoint's providers.
 */
@Component
public final class RefreshTokenGrantGuard {

	private static final Log logger = LogFactory.getLog(RefreshTokenGrantGuard.class);

	/**
	 * RFC 6749 section 4.1.2.1's code, also what the token endpoint answers in outages.
	 */
	private static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

	/** Where the library's token endpoint converters put the {@code DPoP} header. */
	private static final String DPOP_PROOF_PARAMETER = "dpop_proof";

	private final HashedTokenAuthorizationService store;

	private final RegisteredClientRepository clients;

	private final CurrentAccounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RefreshTokenGrantGuard(HashedTokenAuthorizationService store, RegisteredClientRepository clients,
			CurrentAccounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.clients = clients;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Puts the checks in front of the library's refresh-token provider and returns any
	 * other provider unchanged. A provider of its own ahead of the library's would not
	 * do: the provider manager goes on to the next provider after an authentication
	 * failure.
	 */
	public AuthenticationProvider guard(AuthenticationProvider provider) {
		return (provider instanceof OAuth2RefreshTokenAuthenticationProvider) ? new Guarded(provider) : provider;
	}

	private void check(OAuth2RefreshTokenAuthenticationToken grant) {
		if (!(grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
				|| client.getRegisteredClient() == null) {
			return;
		}
		Optional<String> family = this.store.familyOfRetiredRefreshToken(grant.getRefreshToken());
		if (family.isPresent()) {
			revokeFamily(family.get());
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
		}
		OAuth2Authorization authorization = this.store.findByToken(grant.getRefreshToken(),
				OAuth2TokenType.REFRESH_TOKEN);
		if (authorization == null
				|| !client.getRegisteredClient().getId().equals(authorization.getRegisteredClientId())) {
			return;
		}
		requireCurrentAccount(authorization);
		if (ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod())
				&& !StringUtils.hasText((String) grant.getAdditionalParameters().get(DPOP_PROOF_PARAMETER))) {
			requireNoKeyBinding(authorization);
		}
	}

	/**
	 * The person must still have an enabled account, or for directory people still be in
	 * a mapped group; otherwise the grant is revoked. When only an unreachable directory
	 * could tell, the refresh is refused without revoking, so that the person keeps the
	 * grant once the directory answers again.
	 */
	private void requireCurrentAccount(OAuth2Authorization authorization) {
		Optional<CurrentPerson> person;
		try {
			person = this.accounts.find(authorization.getPrincipalName());
		}
		catch (DirectoryUnavailableException ex) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(TEMPORARILY_UNAVAILABLE, "The directory cannot be reached; try again later", null));
		}
		if (person.isEmpty()) {
			this.store.revokeFamily(authorization.getId());
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The account of this grant no longer exists or is disabled", null));
		}
	}

	/**
	 * RFC 9449 section 5: refresh tokens of public clients are bound to the DPoP key, so
	 * a refresh without a proof of that key is refused. The library checks the key only
	 * when a proof is sent.
	 */
	private void requireNoKeyBinding(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
		Map<String, Object> claims = (accessToken != null) ? accessToken.getClaims() : null;
		if (claims != null && claims.get("cnf") instanceof Map<?, ?> confirmation && confirmation.containsKey("jkt")) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_DPOP_PROOF,
					"This refresh token is bound to a DPoP key: send a DPoP proof", null));
		}
	}

	/**
	 * Revokes every token of the authorization. Two requests with the same refresh token
	 * are indistinguishable from a thief racing the client, so the loser of such a race
	 * ends up here as surely as a token that comes back after rotation.
	 */
	private void revokeFamily(String authorizationId) {
		this.store.revokeFamily(authorizationId).ifPresent(this::reuseDetected);
	}

	private void reuseDetected(RevokedFamily family) {
		RegisteredClient client = this.clients.findById(family.registeredClientId());
		String clientId = (client != null) ? client.getClientId() : family.registeredClientId();
		logger.warn("Refresh token reuse detected: revoked authorization " + family.authorizationId() + " of client "
				+ clientId + " for " + family.principalName());
		this.events.publishEvent(new RefreshTokenReuseDetected(clientId, family.principalName(),
				family.authorizationId(), this.clock.instant()));
	}

	/** Runs the checks, then lets the library's provider handle the grant. */
	private final class Guarded implements AuthenticationProvider {

		private final AuthenticationProvider delegate;

		Guarded(AuthenticationProvider delegate) {
			this.delegate = delegate;
		}

		@Override
		public @Nullable Authentication authenticate(Authentication authentication) {
			OAuth2RefreshTokenAuthenticationToken grant = (OAuth2RefreshTokenAuthenticationToken) authentication;
			check(grant);
			try {
				return this.delegate.authenticate(authentication);
			}
			catch (ConcurrentGrantUseException ex) {
				revokeFamily(ex.authorizationId());
				throw ex;
			}
			catch (OAuth2AuthenticationException ex) {
				if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
					// Rotated by another request after the check above.
					RefreshTokenGrantGuard.this.store.familyOfRetiredRefreshToken(grant.getRefreshToken())
						.ifPresent(RefreshTokenGrantGuard.this::revokeFamily);
				}
				throw ex;
			}
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
