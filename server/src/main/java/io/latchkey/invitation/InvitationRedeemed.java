package io.latchkey.invitation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * An invitation was redeemed for an authorization code, or a lost response was retried
 * ({@code retry}). Carries no secret, code or verifier.
 */
public record InvitationRedeemed(UUID invitationId, String clientId, String subject, String authorizationId,
		boolean retry, String address, @Nullable String userAgent, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "invitation.redeemed";
	}

	@Override
	public Actor auditActor() {
		return Actor.client(this.clientId);
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("invitation_id", this.invitationId.toString(), "authorization_id", this.authorizationId, "retry",
				this.retry);
	}

}
