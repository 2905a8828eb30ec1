package io.latchkey.audit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit log.
 *
 * @param chainInterval how often pending records are linked into the chain, by default
 * every 200 ms
 * @param checkpointInterval the least time between two signed checkpoints (default 10 s)
 */
@ConfigurationProperties("latchkey.audit")
record AuditSettings(@Nullable Duration chainInterval, @Nullable Duration checkpointInterval) {

	AuditSettings {
		chainInterval = (chainInterval != null) ? chainInterval : Duration.ofMillis(200);
		checkpointInterval = (checkpointInterval != null) ? checkpointInterval : Duration.ofSeconds(10);
	}

}
