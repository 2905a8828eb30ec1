package io.latchkey.web;

import java.util.List;

import io.latchkey.shared.ClientAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what any request may carry, and whom to believe about where it came from.
 *
 * @param maxRequestBody the largest request body accepted anywhere else; larger ones get
 * 413
 * @param maxLargeRequestBody the largest request body accepted at
 * {@code largeRequestBodyPaths}
 * @param largeRequestBodyPaths path patterns that take larger bodies: data-link payloads
 * (API and console) and answers
 * @param trustedProxies CIDR blocks of the reverse proxies whose {@code X-Forwarded-For}
 * and {@code X-Forwarded-Proto} are believed; from any other peer they are ignored
 * (default: none)
 */
@ConfigurationProperties("latchkey.web")
record WebSettings(@DefaultValue("64KB") DataSize maxRequestBody, @DefaultValue("512KB") DataSize maxLargeRequestBody,
		@DefaultValue( {
				"/api/admin/data-links", "/api/data-links/*/submission",
				"/console/data-links" }) List<String> largeRequestBodyPaths,
		@Nullable List<String> trustedProxies){

	WebSettings {
		trustedProxies = ClientAddress.cidrBlocks((trustedProxies != null) ? trustedProxies : List.of());
	}

}
