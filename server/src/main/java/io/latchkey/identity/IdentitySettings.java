package io.latchkey.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How current the view of a person behind a grant must be, e.g.
 * {@code latchkey.identity.recheck-interval=PT15M}.
 *
 * @param recheckInterval how long what the directory said about a person may be used
 * before refreshing their tokens reads them from the directory again; local accounts are
 * read at every refresh
 */
@ConfigurationProperties("latchkey.identity")
record IdentitySettings(Duration recheckInterval) {

	IdentitySettings {
		recheckInterval = (recheckInterval != null) ? recheckInterval : Duration.ofMinutes(15);
		if (recheckInterval.isNegative()) {
			throw new IllegalArgumentException("latchkey.identity.recheck-interval must not be negative");
		}
	}

}
