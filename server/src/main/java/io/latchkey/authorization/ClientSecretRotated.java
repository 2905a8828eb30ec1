package io.latchkey.authorization;

import java.time.Instant;

import io.latchkey.shared.SecurityEvent;

/**
 * A client was given a new secret; the old one no longer authenticates it.
 *
 * @param clientId the client's identifier
 * @param at when the secret was replaced
 */
public record ClientSecretRotated(String clientId, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "client.secret_rotated";
	}

	@Override
	public String subject() {
		return this.clientId;
	}

}
