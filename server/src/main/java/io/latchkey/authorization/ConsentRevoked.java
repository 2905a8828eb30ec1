package io.latchkey.authorization;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * A person's remembered consent for a client was withdrawn; the next authorization asks
 * again.
 *
 * @param clientId the client
 * @param principalName the person
 * @param at when
 */
public record ConsentRevoked(String clientId, String principalName, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "consent.revoked";
	}

	@Override
	public String subject() {
		return this.principalName;
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("client_id", this.clientId);
	}

}
