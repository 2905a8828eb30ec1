package io.latchkey.datalink;

import java.time.Instant;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A lease holder marked the link used without an answer.
 */
public record DataLinkUsed(UUID linkId, String address, @Nullable String userAgent,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.used";
	}

	@Override
	public @Nullable String subject() {
		return this.linkId.toString();
	}

}
