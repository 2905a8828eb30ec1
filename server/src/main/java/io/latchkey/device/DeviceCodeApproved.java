package io.latchkey.device;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.latchkey.shared.SecurityEvent;

/**
 * A person approved a device's request; carries no code.
 *
 * @param clientId the client the device runs
 * @param principal who approved
 * @param scopes the scopes approved
 * @param remoteAddress the address the approval came from
 * @param at when
 */
public record DeviceCodeApproved(String clientId, String principal, Set<String> scopes, String remoteAddress,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "device.approved";
	}

	@Override
	public String subject() {
		return this.principal;
	}

	@Override
	public Actor auditActor() {
		return Actor.user(this.principal);
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("client_id", this.clientId, "scopes", String.join(" ", new TreeSet<>(this.scopes)));
	}

	@Override
	public String address() {
		return this.remoteAddress;
	}

}
