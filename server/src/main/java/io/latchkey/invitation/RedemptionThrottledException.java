package io.latchkey.invitation;

import java.time.Duration;

/**
 * Too many redemption attempts from one address, or from everywhere at once.
 */
class RedemptionThrottledException extends RuntimeException {

	private final Duration retryAfter;

	RedemptionThrottledException(Duration retryAfter) {
		super("Too many redemption attempts", null, false, false);
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
