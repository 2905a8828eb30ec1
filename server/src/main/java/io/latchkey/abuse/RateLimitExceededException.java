package io.latchkey.abuse;

import java.time.Duration;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request over a rate limit; JSON endpoints answer it with {@code 429} and
 * {@code Retry-After}.
 */
public class RateLimitExceededException extends ProblemException {

	private final String purpose;

	private final Duration retryAfter;

	public RateLimitExceededException(String purpose, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many attempts; try again later.", false);
		this.purpose = purpose;
		this.retryAfter = retryAfter;
		// RFC 9110 section 10.2.3; which limit it was stays unsaid.
		addHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
	}

	public String getPurpose() {
		return this.purpose;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
