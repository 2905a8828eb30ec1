package io.latchkey.authorization;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * A person cut an app off from their data on their account page: its tokens and codes for
 * them were revoked and their consent forgotten.
 *
 * @param clientId the app
 * @param principalName the person
 * @param grants how many authorizations were revoked
 * @param at when
 */
public record AppDisconnected(String clientId, String principalName, int grants, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "app.disconnected";
	}

	@Override
	public String subject() {
		return this.principalName;
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("client_id", this.clientId, "grants", this.grants);
	}

}
