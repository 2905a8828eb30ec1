package io.latchkey.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-party session lifetimes, e.g. {@code latchkey.session.token-ttl=PT15M}.
 *
 * @param tokenTtl how long one session token is valid; renewal issues the next
 * @param maxLifetime how long after the password sign-in renewals are allowed
 */
@ConfigurationProperties("latchkey.session")
record SessionSettings(Duration tokenTtl, Duration maxLifetime) {

	SessionSettings {
		tokenTtl = (tokenTtl != null) ? tokenTtl : Duration.ofMinutes(15);
		maxLifetime = (maxLifetime != null) ? maxLifetime : Duration.ofHours(8);
		if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("latchkey.session.token-ttl must be between 1 second and 1 hour");
		}
		if (maxLifetime.compareTo(tokenTtl) < 0) {
			throw new IllegalArgumentException("latchkey.session.max-lifetime must not be shorter than token-ttl");
		}
	}

}
