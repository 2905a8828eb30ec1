package io.latchkey.abuse;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits and lockouts by purpose, e.g.
 * {@code latchkey.abuse.limits.login-account.capacity=5} or
 * {@code latchkey.abuse.lockouts.data-link-factor.threshold=5}.
 *
 * @param store where rate-limit buckets live
 * @param limits the limit for each purpose; purposes not named here use {@link #fallback}
 * @param fallback the limit for a purpose with no entry of its own
 * @param lockouts the lockout rule for each purpose; purposes not named here use
 * {@link #lockoutFallback}
 * @param lockoutFallback the lockout rule for a purpose with no entry of its own
 * @param cleanupInterval how often expired buckets are removed
 */
@ConfigurationProperties("latchkey.abuse")
record AbuseSettings(Store store, Map<String, Limit> limits, Limit fallback, Map<String, Lockout> lockouts,
		Lockout lockoutFallback, Duration cleanupInterval) {

	AbuseSettings {
		store = (store != null) ? store : Store.AUTO;
		limits = (limits != null) ? Map.copyOf(limits) : Map.of();
		fallback = (fallback != null) ? fallback : new Limit(20, Duration.ofMinutes(15));
		lockouts = (lockouts != null) ? Map.copyOf(lockouts) : Map.of();
		lockoutFallback = (lockoutFallback != null) ? lockoutFallback : new Lockout(5, null);
		cleanupInterval = (cleanupInterval != null) ? cleanupInterval : Duration.ofMinutes(5);
	}

	Limit limitFor(String purpose) {
		return forPurpose(this.limits, purpose, this.fallback);
	}

	Lockout lockoutFor(String purpose) {
		return forPurpose(this.lockouts, purpose, this.lockoutFallback);
	}

	/**
	 * An environment variable cannot carry a dash, so a purpose named only there, as in
	 * {@code LATCHKEY_ABUSE_LIMITS_USERCODE_CAPACITY}, arrives without its dashes.
	 */
	private static <V> V forPurpose(Map<String, V> values, String purpose, V fallback) {
		V value = values.get(purpose);
		return (value != null) ? value : values.getOrDefault(purpose.replace("-", ""), fallback);
	}

	/**
	 * Where buckets live: {@code auto} keeps them in PostgreSQL when that is the database
	 * and in memory otherwise.
	 */
	enum Store {

		AUTO, MEMORY, DATABASE

	}

	/**
	 * At most {@code capacity} events per {@code period}, refilled gradually.
	 *
	 * @param capacity events allowed in one period
	 * @param period the window over which the capacity refills
	 */
	record Limit(int capacity, Duration period) {

		Limit {
			if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("A limit needs a positive capacity and period");
			}
		}

	}

	/**
	 * An object locks at its {@code threshold}-th recorded failure.
	 *
	 * @param threshold failures that lock the object
	 * @param duration how long the lock holds; none means until it is reset
	 */
	record Lockout(int threshold, @Nullable Duration duration) {

		Lockout {
			if (threshold < 1 || (duration != null && (duration.isNegative() || duration.isZero()))) {
				throw new IllegalArgumentException("A lockout needs a positive threshold and, if any, duration");
			}
		}

	}

}
