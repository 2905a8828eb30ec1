package io.latchkey.authorization;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Success handlers of the token and revocation endpoints that announce what happened
 * ({@link TokensIssued}, {@link TokenRevoked}) once the response is written.
 */
final class TokenEventsPublishingHandlers {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TokenEventsPublishingHandlers(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	AuthenticationSuccessHandler tokensIssued(AuthenticationSuccessHandler tokenResponse) {
		return (request, response, authentication) -> {
			tokenResponse.onAuthenticationSuccess(request, response, authentication);
			if (authentication instanceof OAuth2AccessTokenAuthenticationToken tokens) {
				String clientId = tokens.getRegisteredClient().getClientId();
				String subject = subjectOf(tokens.getAccessToken().getTokenValue());
				this.events.publishEvent(new TokensIssued(clientId, (subject != null) ? subject : clientId,
						request.getParameter(OAuth2ParameterNames.GRANT_TYPE), this.clock.instant()));
			}
		};
	}

	/** RFC 7009 section 2.2: the answer is 200 whether or not the token was known. */
	AuthenticationSuccessHandler tokenRevoked() {
		return this::revoked;
	}

	private void revoked(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		response.setStatus(HttpStatus.OK.value());
		// An unknown token comes back unauthenticated: nothing was revoked, so
		// nothing is announced.
		if (authentication instanceof OAuth2TokenRevocationAuthenticationToken revocation
				&& revocation.isAuthenticated()
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

}
