package io.latchkey.datalink;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A data link as stored, without its payload, schema or secrets.
 */
record DataLink(UUID id, String tenant, FactorType factorType, @Nullable String factorHash, boolean hasSchema,
		boolean allowsSubmission, @Nullable Integer maxLeases, int leasesGranted, @Nullable String createdBy,
		Instant createdAt, Instant expiresAt, @Nullable Instant firstVisitedAt, @Nullable Instant lockedAt,
		@Nullable Instant revokedAt, @Nullable Instant usedAt, @Nullable String usedBy) {

	DataLinkStatus status(Instant now) {
		if (this.revokedAt != null) {
			return DataLinkStatus.REVOKED;
		}
		if (this.usedAt != null) {
			return DataLinkStatus.USED;
		}
		if (!now.isBefore(this.expiresAt)) {
			return DataLinkStatus.EXPIRED;
		}
		if (this.lockedAt != null) {
			return DataLinkStatus.LOCKED;
		}
		return (this.firstVisitedAt != null) ? DataLinkStatus.VISITED : DataLinkStatus.ACTIVE;
	}

	/** Whether the link can no longer be used: every endpoint answers {@code 410}. */
	boolean isGone(Instant now) {
		DataLinkStatus status = status(now);
		return status == DataLinkStatus.REVOKED || status == DataLinkStatus.USED || status == DataLinkStatus.EXPIRED;
	}

}
