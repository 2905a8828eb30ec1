package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A data link was created. Carries no secret: not the link id in its URL, not the factor.
 */
public record DataLinkCreated(UUID linkId, String tenant, String factor, Instant expiresAt, String actor,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.created";
	}

	@Override
	public @Nullable String subject() {
		return this.linkId.toString();
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("tenant", this.tenant, "factor", this.factor, "expires_at", this.expiresAt.toString(), "by",
				this.actor);
	}

}
