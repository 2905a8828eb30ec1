package io.latchkey.authorization;

import java.time.Instant;

import io.latchkey.shared.SecurityEvent;

/**
 * An OAuth client was registered.
 *
 * @param clientId the new client's identifier
 * @param at when it was registered
 */
public record ClientRegistered(String clientId, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "client.created";
	}

	@Override
	public String subject() {
		return this.clientId;
	}

}
