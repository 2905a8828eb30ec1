package io.latchkey.abuse;

import java.time.Duration;

/**
 * A request over a rate limit; JSON endpoints answer it with {@code 429} and
 * {@code Retry-After}.
 */
public class RateLimitExceededException extends RuntimeException {

	private final String purpose;

	private final Duration retryAfter;

	public RateLimitExceededException(String purpose, Duration retryAfter) {
		super("Rate limit '" + purpose + "' exceeded; retry after " + retryAfter.toSeconds() + "s");
		this.purpose = purpose;
		this.retryAfter = retryAfter;
	}

	public String getPurpose() {
		return this.purpose;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
