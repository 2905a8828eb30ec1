package io.latchkey.datalink;

import java.time.Instant;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * Someone opened a data link's page; nothing was consumed.
 */
public record DataLinkVisited(UUID linkId, String address, @Nullable String userAgent,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.visited";
	}

	@Override
	public @Nullable String subject() {
		return this.linkId.toString();
	}

}
