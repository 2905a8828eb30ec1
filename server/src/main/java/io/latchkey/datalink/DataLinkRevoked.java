package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * An admin or staff member revoked a data link.
 */
public record DataLinkRevoked(UUID linkId, String actor, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.revoked";
	}

	@Override
	public @Nullable String subject() {
		return this.linkId.toString();
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("by", this.actor);
	}

}
