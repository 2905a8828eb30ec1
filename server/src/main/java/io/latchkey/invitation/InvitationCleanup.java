package io.latchkey.invitation;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes invitations whose expiry lies more than {@code latchkey.invitations.retention}
 * back, every {@code cleanup-interval}; on several nodes, running twice is harmless.
 */
@Component
class InvitationCleanup implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(InvitationCleanup.class);

	private final InvitationRepository repository;

	private final InvitationSettings settings;

	private final Clock clock;

	InvitationCleanup(InvitationRepository repository, InvitationSettings settings, Clock clock) {
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
			logger.debug("Deleted " + deleted + " expired invitations");
		}
		return deleted;
	}

}
