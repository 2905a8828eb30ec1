package io.latchkey.audit;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit log.
 *
 * @param trustedProxies CIDR blocks of the reverse proxies whose {@code X-Forwarded-For}
 * names the client; from any other peer the header is ignored (default: none)
 * @param chainInterval how often pending records are linked into the chain (default 200
 * ms)
 * @param checkpointInterval the least time between two signed checkpoints (default 10 s)
 */
@ConfigurationProperties("latchkey.audit")
record AuditSettings(@Nullable List<String> trustedProxies, @Nullable Duration chainInterval,
		@Nullable Duration checkpointInterval) {

	AuditSettings {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
		chainInterval = (chainInterval != null) ? chainInterval : Duration.ofMillis(200);
		checkpointInterval = (checkpointInterval != null) ? checkpointInterval : Duration.ofSeconds(10);
	}

}
