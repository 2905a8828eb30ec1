package io.latchkey.authorization.keys;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each node's keys in step with the database and rotates keys that are due.
 */
@Component
class SigningKeyMaintenance {

	private static final Log logger = LogFactory.getLog(SigningKeyMaintenance.class);

	private final SigningKeys keys;

	SigningKeyMaintenance(SigningKeys keys) {
		this.keys = keys;
	}

	@Scheduled(initialDelayString = "${latchkey.keys.reload-interval:PT30S}",
			fixedDelayString = "${latchkey.keys.reload-interval:PT30S}")
	void refresh() {
		try {
			this.keys.rotateDueKeys();
		}
		catch (RuntimeException ex) {
			// The keys already loaded keep working; the next run tries again.
			logger.warn("Cannot refresh the signing keys: " + ex.getClass().getSimpleName());
		}
	}

}
