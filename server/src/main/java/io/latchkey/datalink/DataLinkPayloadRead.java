package io.latchkey.datalink;

import java.time.Instant;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A lease holder read the link's payload.
 */
public record DataLinkPayloadRead(UUID linkId, String address, @Nullable String userAgent,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.payload-read";
	}

	@Override
	public @Nullable String subject() {
		return this.linkId.toString();
	}

}
