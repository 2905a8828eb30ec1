package io.latchkey.invitation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A redemption failed: {@code reason} is {@code unknown}, {@code expired},
 * {@code revoked}, {@code redeemed}, {@code malformed} or {@code unusable}; the
 * invitation id when the secret matched one. Carries no secret.
 */
public record InvitationRedemptionFailed(@Nullable UUID invitationId, String reason, String address,
		@Nullable String userAgent, Instant at) {

}
