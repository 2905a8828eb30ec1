package io.latchkey.invitation;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.abuse.RateLimiter.Decision;

import org.springframework.stereotype.Component;

/**
 * Counts every redemption attempt per address and globally
 * ({@code latchkey.abuse.limits.invitation-ip} and {@code invitation-global}), before the
 * body is even read: a secret has 144 bits, but guessing should cost more than a request.
 */
@Component
class RedemptionThrottle {

	static final String ADDRESS = "invitation-ip";

	static final String GLOBAL = "invitation-global";

	private final RateLimiter limiter;

	RedemptionThrottle(RateLimiter limiter) {
		this.limiter = limiter;
	}

	/**
	 * Counts one attempt.
	 * @throws RedemptionThrottledException when it is over either limit
	 */
	void count(String address) {
		Decision byAddress = this.limiter.consume(ADDRESS, address);
		if (!byAddress.allowed()) {
			throw new RedemptionThrottledException(byAddress.retryAfter());
		}
		Decision global = this.limiter.consume(GLOBAL, "all");
		if (!global.allowed()) {
			throw new RedemptionThrottledException(global.retryAfter());
		}
	}

}
