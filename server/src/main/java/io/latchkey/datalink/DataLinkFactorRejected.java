package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A second factor was refused: {@code wrong}, {@code locked} or {@code malformed}.
 */
public record DataLinkFactorRejected(@Nullable UUID linkId, String reason, int failures, String address,
		@Nullable String userAgent, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.factor-rejected";
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
		return Map.of("reason", this.reason, "failures", this.failures);
	}

}
