package io.latchkey.identity;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was checked, because the account, the address or
 * the pair of them has used its budget of attempts; answered {@code 429} with
 * {@code Retry-After} on both doors.
 */
public class SignInThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	SignInThrottledException(Duration retryAfter) {
		super("Too many sign-in attempts; retry after " + retryAfter.toSeconds() + "s");
		this.retryAfter = retryAfter;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
