package io.latchkey.invitation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * An invitation was revoked by an admin ({@code reason} {@code admin}) or by a newer one
 * for the same person and client ({@code reissued}); {@code authorizationsRevoked} counts
 * the token families revoked with it.
 */
public record InvitationRevoked(UUID invitationId, String clientId, String subject, String reason, String actor,
		int authorizationsRevoked, @Nullable String address, @Nullable String userAgent,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "invitation.revoked";
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("invitation_id", this.invitationId.toString(), "client_id", this.clientId, "reason", this.reason,
				"by", this.actor, "authorizations_revoked", this.authorizationsRevoked);
	}

}
