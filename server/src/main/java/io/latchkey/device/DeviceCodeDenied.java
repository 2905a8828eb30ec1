package io.latchkey.device;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * A person denied a device's request; carries no code.
 *
 * @param clientId the client the device runs
 * @param principal who denied
 * @param remoteAddress the address the denial came from
 * @param at when
 */
public record DeviceCodeDenied(String clientId, String principal, String remoteAddress,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "device.denied";
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
		return Map.of("client_id", this.clientId);
	}

	@Override
	public String address() {
		return this.remoteAddress;
	}

}
