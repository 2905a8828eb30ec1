package io.latchkey.authorization.keys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for signing-key rotation and for how each node follows the database.
 *
 * @param rotationPeriod how old an active key may become before the scheduler replaces it
 * @param reloadInterval how often each node rereads the keys, so a rotation elsewhere
 * reaches it
 * @param unknownKidReloadInterval the least time between two reloads caused by a token
 * with a key id this node does not know
 */
@ConfigurationProperties("latchkey.keys")
record SigningKeyProperties(@DefaultValue("P90D") Duration rotationPeriod,
		@DefaultValue("PT30S") Duration reloadInterval, @DefaultValue("PT2S") Duration unknownKidReloadInterval) {

	SigningKeyProperties {
		if (rotationPeriod.isNegative() || rotationPeriod.isZero()) {
			throw new IllegalArgumentException("latchkey.keys.rotation-period must be positive");
		}
		if (reloadInterval.isNegative() || reloadInterval.isZero()) {
			throw new IllegalArgumentException("latchkey.keys.reload-interval must be positive");
		}
		if (unknownKidReloadInterval.isNegative()) {
			throw new IllegalArgumentException("latchkey.keys.unknown-kid-reload-interval must not be negative");
		}
	}

}
