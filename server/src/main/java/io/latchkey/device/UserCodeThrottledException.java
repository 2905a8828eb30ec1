package io.latchkey.device;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * User-code entry refused by a guessing limit, before any lookup; the verification page
 * answers it with {@code 429} and {@code Retry-After}.
 */
class UserCodeThrottledException extends OAuth2AuthenticationException {

	static final String ERROR_CODE = "rate_limited";

	private final Duration retryAfter;

	UserCodeThrottledException(Duration retryAfter) {
		super(new OAuth2Error(ERROR_CODE));
		this.retryAfter = retryAfter;
	}

	Duration getRetryAfter() {
		return this.retryAfter;
	}

}
