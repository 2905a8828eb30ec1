package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A request to a lease-protected endpoint came without a valid lease for the link and its
 * cookie.
 */
public record DataLinkLeaseRejected(@Nullable UUID linkId, String reason, String address, @Nullable String userAgent,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.lease-rejected";
	}

	@Override
	public @Nullable String subject() {
		return (this.linkId != null) ? this.linkId.toString() : null;
	}

	@Override
	public boolean auditFailure() {
		return true;
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("reason", this.reason);
	}

}
