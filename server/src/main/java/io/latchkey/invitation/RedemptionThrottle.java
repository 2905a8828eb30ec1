package io.latchkey.invitation;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.abuse.RateLimiter.Decision;
import io.latchkey.shared.ClientAddress;

import org.springframework.stereotype.Component;

/**
 * Counts every redemption attempt per address
 * ({@code latchkey.abuse.limits.invitation-ip}, IPv6 by /64) and globally
 * ({@code invitation-global}), before the body is even read. Over the address limit
 * nothing is checked. Over the global one the secret is still checked and only a wrong
 * one is refused: a secret has 144 bits, so letting the right one through helps no
 * guesser, and a botnet that spends the global budget cannot keep patients from redeeming
 * their links.
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
	 * @return the global budget's answer, for {@link Admission#refuseIfGlobalSpent}
	 * @throws RedemptionThrottledException when it is over the address limit
	 */
	Admission admit(String address) {
		Decision byAddress = this.limiter.consume(ADDRESS, ClientAddress.limitKey(address));
		if (!byAddress.allowed()) {
			throw new RedemptionThrottledException(byAddress.retryAfter());
		}
		return new Admission(this.limiter.consume(GLOBAL, "all"));
	}

	/**
	 * An attempt within its address's limit.
	 *
	 * @param global whether it was also within the global limit
	 */
	record Admission(Decision global) {

		/**
		 * Called for an attempt whose secret was wrong.
		 * @throws RedemptionThrottledException when the global budget is spent
		 */
		void refuseIfGlobalSpent() {
			if (!this.global.allowed()) {
				throw new RedemptionThrottledException(this.global.retryAfter());
			}
		}

	}

}
