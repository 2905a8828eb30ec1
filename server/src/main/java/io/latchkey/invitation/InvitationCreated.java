package io.latchkey.invitation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * An invitation was created. Carries no secret.
 */
public record InvitationCreated(UUID invitationId, String clientId, String subject, Instant expiresAt, String actor,
		String address, @Nullable String userAgent, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "invitation.created";
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("invitation_id", this.invitationId.toString(), "client_id", this.clientId, "expires_at",
				this.expiresAt.toString(), "by", this.actor);
	}

}
