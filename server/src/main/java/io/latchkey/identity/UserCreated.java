package io.latchkey.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;

/**
 * A local account was created.
 *
 * @param id the account's identifier
 * @param username its username
 * @param at when it was created
 */
public record UserCreated(UUID id, String username, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "user.created";
	}

	@Override
	public String subject() {
		return this.id.toString();
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("username", this.username);
	}

}
