package io.latchkey.authorization;

import java.time.Instant;

import io.latchkey.shared.SecurityEvent;

/**
 * An OAuth client was removed, with its authorizations and consents.
 *
 * @param clientId the removed client's identifier
 * @param at when it was removed
 */
public record ClientDeleted(String clientId, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "client.deleted";
	}

	@Override
	public String subject() {
		return this.clientId;
	}

}
