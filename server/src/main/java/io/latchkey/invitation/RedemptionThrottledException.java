package io.latchkey.invitation;

import java.time.Duration;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Too many redemption attempts from one address, or from everywhere at once.
 */
class RedemptionThrottledException extends ProblemException {

	private final Duration retryAfter;

	RedemptionThrottledException(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
				"Too many attempts. Try again after the time in Retry-After.", false);
		this.retryAfter = retryAfter;
		addHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
		RedemptionAnswers.NO_STORE.forEach((name, value) -> addHeader(name, value));
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
