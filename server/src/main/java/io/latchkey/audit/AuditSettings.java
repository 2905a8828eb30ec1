package io.latchkey.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit log.
 *
 * @param trustedProxies CIDR blocks of the reverse proxies whose {@code X-Forwarded-For}
 * names the client; from any other peer the header is ignored (default: none)
 */
@ConfigurationProperties("latchkey.audit")
record AuditSettings(@Nullable List<String> trustedProxies) {

	AuditSettings {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
	}

}
