package io.latchkey.authorization;

import java.time.Instant;

import io.latchkey.shared.SecurityEvent;

/**
 * A client revoked one of its tokens at the revocation endpoint (RFC 7009).
 *
 * @param clientId the client that revoked its token
 * @param at when the token was revoked
 */
public record TokenRevoked(String clientId, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "token.revoked";
	}

	@Override
	public String subject() {
		return this.clientId;
	}

	@Override
	public Actor auditActor() {
		return Actor.client(this.clientId);
	}

}
