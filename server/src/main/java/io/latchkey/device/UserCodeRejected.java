package io.latchkey.device;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * An entered user code matched no active device request, or entry was refused by a
 * guessing limit; carries no code.
 *
 * @param principal who entered it
 * @param remoteAddress where from
 * @param throttled whether a guessing limit refused the attempt before any lookup
 * @param at when
 */
public record UserCodeRejected(String principal, String remoteAddress, boolean throttled,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "device.user_code_rejected";
	}

	@Override
	public String subject() {
		return this.principal;
	}

	@Override
	public boolean auditFailure() {
		return true;
	}

	@Override
	public Actor auditActor() {
		return Actor.user(this.principal);
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("throttled", this.throttled);
	}

	@Override
	public String address() {
		return this.remoteAddress;
	}

}
