package io.latchkey.authorization;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * A client authentication refused before its secret was checked, because the client (or
 * the client from this address) has used its budget of attempts. RFC 6749 §5.2 has no
 * error for this, so it is {@code invalid_client}, answered {@code 429} with
 * {@code Retry-After}.
 */
class ClientAuthenticationThrottledException extends OAuth2AuthenticationException {

	private final Duration retryAfter;

	ClientAuthenticationThrottledException(Duration retryAfter) {
		super(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
				"Too many failed client authentications; retry after " + retryAfter.toSeconds() + " seconds.", null));
		this.retryAfter = retryAfter;
	}

	Duration getRetryAfter() {
		return this.retryAfter;
	}

}
