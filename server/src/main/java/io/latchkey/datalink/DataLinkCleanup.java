package io.latchkey.datalink;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes data links, with their history, answer and webhook deliveries, whose expiry
 * lies more than {@code latchkey.data-links.retention} back, every
 * {@code cleanup-interval}; on several nodes, running twice is harmless.
 */
@Component
class DataLinkCleanup implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(DataLinkCleanup.class);

	private final DataLinkRepository repository;

	private final DataLinkSettings settings;

	private final Clock clock;

	DataLinkCleanup(DataLinkRepository repository, DataLinkSettings settings, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::deleteExpired, this.settings.cleanupInterval());
	}

	int deleteExpired() {
		int deleted = this.repository.deleteExpiredBefore(this.clock.instant().minus(this.settings.retention()));
		if (deleted > 0 && logger.isDebugEnabled()) {
			logger.debug("Deleted " + deleted + " expired data links");
		}
		return deleted;
	}

}
