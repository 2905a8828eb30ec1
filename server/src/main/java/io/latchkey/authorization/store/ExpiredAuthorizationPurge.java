package io.latchkey.authorization.store;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes authorizations and retired refresh tokens once they have expired, every
 * {@code latchkey.authorization-store.purge-interval}; on several nodes, running twice is
 * harmless.
 */
@Component
public class ExpiredAuthorizationPurge implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(ExpiredAuthorizationPurge.class);

	private final HashedTokenAuthorizationService store;

	private final AuthorizationStoreProperties properties;

	ExpiredAuthorizationPurge(HashedTokenAuthorizationService store, AuthorizationStoreProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::purgeExpired, this.properties.purgeInterval());
	}

	/**
	 * Deletes what has expired now.
	 * @return how many rows were deleted
	 */
	public int purgeExpired() {
		int deleted = this.store.purgeExpired();
		if (deleted > 0 && logger.isDebugEnabled()) {
			logger.debug("Purged " + deleted + " expired authorization rows");
		}
		return deleted;
	}

}
