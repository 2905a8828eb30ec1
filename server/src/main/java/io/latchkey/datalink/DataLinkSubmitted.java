package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A lease holder submitted the link's one answer; the link is now used. Carries no
 * answer.
 */
public record DataLinkSubmitted(UUID linkId, String tenant, String address, @Nullable String userAgent,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.submitted";
	}

	@Override
	public @Nullable String subject() {
		return this.linkId.toString();
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("tenant", this.tenant);
	}

}
