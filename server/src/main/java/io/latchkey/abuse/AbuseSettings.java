package io.latchkey.abuse;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits by purpose, e.g. {@code latchkey.abuse.limits.login-account.capacity=5}.
 *
 * @param limits the limit for each purpose; purposes not named here use {@link #fallback}
 * @param fallback the limit for a purpose with no entry of its own
 */
@ConfigurationProperties("latchkey.abuse")
public record AbuseSettings(Map<String, Limit> limits, Limit fallback) {

	public AbuseSettings {
		limits = (limits != null) ? Map.copyOf(limits) : Map.of();
		fallback = (fallback != null) ? fallback : new Limit(20, Duration.ofMinutes(15));
	}

	Limit limitFor(String purpose) {
		return this.limits.getOrDefault(purpose, this.fallback);
	}

	/**
	 * At most {@code capacity} events per {@code period}, refilled gradually.
	 *
	 * @param capacity events allowed in one period
	 * @param period the window over which the capacity refills
	 */
	public record Limit(int capacity, Duration period) {

		public Limit {
			if (capacity < 1 || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("A limit needs a positive capacity and period");
			}
		}

	}

}
