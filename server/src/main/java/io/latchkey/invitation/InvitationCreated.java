package io.latchkey.invitation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invitation was created. Carries no secret.
 */
public record InvitationCreated(UUID invitationId, String clientId, String subject, Instant expiresAt, String actor,
		String address, @Nullable String userAgent, Instant at) {

}
