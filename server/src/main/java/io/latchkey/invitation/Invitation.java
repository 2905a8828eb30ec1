package io.latchkey.invitation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invitation as stored; its secret is not here, only its hash is kept.
 */
record Invitation(UUID id, String clientId, String subject, Set<String> scopes, @Nullable String createdBy,
		Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant redeemedAt,
		@Nullable String deliveredVia) {

	InvitationStatus status(Instant now) {
		if (this.revokedAt != null) {
			return InvitationStatus.REVOKED;
		}
		if (this.redeemedAt != null) {
			return InvitationStatus.REDEEMED;
		}
		return now.isBefore(this.expiresAt) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
	}

}
