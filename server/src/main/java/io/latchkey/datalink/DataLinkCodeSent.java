package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A one-time code for a data link was emailed to its person. Carries no code and no
 * address.
 */
public record DataLinkCodeSent(UUID linkId, String route, String address, @Nullable String userAgent,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.code-sent";
	}

	@Override
	public @Nullable String subject() {
		return this.linkId.toString();
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("route", this.route);
	}

}
