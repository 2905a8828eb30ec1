package io.latchkey.datalink;

import java.time.Instant;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * The second factor was passed and a lease granted.
 */
public record DataLinkLeaseGranted(UUID linkId, String address, @Nullable String userAgent,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.lease-granted";
	}

	@Override
	public @Nullable String subject() {
		return this.linkId.toString();
	}

}
