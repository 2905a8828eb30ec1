package io.latchkey.authorization;

import java.text.ParseException;
import java.time.Clock;

import com.nimbusds.jwt.JWTParser;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each grant at the token endpoint, and each revocation, in one transaction together
 * with the event that announces it ({@link TokensIssued}, {@link TokenRevoked}), so the
 * audit record commits with the tokens it describes, before the response is written, and
 * a token request costs one commit. A grant refused with an OAuth error still commits
 * what it did: a refresh token replayed after rotation revokes its family, and the
 * refusal must not take that back.
 */
final class TokenEndpointTransactions {

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TokenEndpointTransactions(PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
			Clock clock) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.clock = clock;
	}

	AuthenticationProvider grant(AuthenticationProvider provider) {
		return new InTransaction(provider, this::tokensIssued);
	}

	AuthenticationProvider revocation(AuthenticationProvider provider) {
		return new InTransaction(provider, this::tokenRevoked);
	}

	private void tokensIssued(Authentication request, Authentication result) {
		if (result instanceof OAuth2AccessTokenAuthenticationToken tokens
				&& request instanceof OAuth2AuthorizationGrantAuthenticationToken grant) {
			String clientId = tokens.getRegisteredClient().getClientId();
			String subject = subjectOf(tokens.getAccessToken().getTokenValue());
			this.events.publishEvent(new TokensIssued(clientId, (subject != null) ? subject : clientId,
					grant.getGrantType().getValue(), this.clock.instant()));
		}
	}

	/** An unknown token comes back unauthenticated: nothing was revoked. */
	private void tokenRevoked(Authentication request, Authentication result) {
		if (result instanceof OAuth2TokenRevocationAuthenticationToken revocation && revocation.isAuthenticated()
				&& revocation.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			this.events
				.publishEvent(new TokenRevoked(client.getRegisteredClient().getClientId(), this.clock.instant()));
		}
	}

	/**
	 * The token was signed by us a moment ago; reading its claims needs no verification.
	 */
	private static @Nullable String subjectOf(String accessToken) {
		try {
			return JWTParser.parse(accessToken).getJWTClaimsSet().getSubject();
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private interface Announcement {

		void announce(Authentication request, Authentication result);

	}

	private record Outcome(@Nullable Authentication result, @Nullable OAuth2AuthenticationException refusal) {

	}

	private final class InTransaction implements AuthenticationProvider {

		private final AuthenticationProvider delegate;

		private final Announcement announcement;

		InTransaction(AuthenticationProvider delegate, Announcement announcement) {
			this.delegate = delegate;
			this.announcement = announcement;
		}

		@Override
		public @Nullable Authentication authenticate(Authentication authentication) {
			Outcome outcome = TokenEndpointTransactions.this.transactions.execute((status) -> {
				try {
					Authentication result = this.delegate.authenticate(authentication);
					if (result != null) {
						this.announcement.announce(authentication, result);
					}
					return new Outcome(result, null);
				}
				catch (OAuth2AuthenticationException ex) {
					return new Outcome(null, ex);
				}
			});
			if (outcome == null) {
				return null;
			}
			if (outcome.refusal() != null) {
				throw outcome.refusal();
			}
			return outcome.result();
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return this.delegate.supports(authentication);
		}

	}

}
