package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * An admin read a data link's answer.
 */
public record DataLinkSubmissionRead(UUID linkId, String actor, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.submission-read";
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
