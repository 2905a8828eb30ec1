package io.latchkey.invitation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invitation was redeemed for an authorization code, or a lost response was retried
 * ({@code retry}). Carries no secret, code or verifier.
 */
public record InvitationRedeemed(UUID invitationId, String clientId, String subject, String authorizationId,
		boolean retry, String address, @Nullable String userAgent, Instant at) {

}
