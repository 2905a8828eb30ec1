package io.latchkey.invitation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A redemption failed: {@code reason} is {@code unknown}, {@code expired},
 * {@code revoked}, {@code redeemed}, {@code malformed} or {@code unusable}; the
 * invitation id when the secret matched one. Carries no secret.
 */
public record InvitationRedemptionFailed(@Nullable UUID invitationId, String reason, String address,
		@Nullable String userAgent, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "invitation.redemption_failed";
	}

	@Override
	public @Nullable String subject() {
		return (this.invitationId != null) ? this.invitationId.toString() : null;
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
