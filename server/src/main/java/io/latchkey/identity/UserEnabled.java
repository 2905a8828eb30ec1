package io.latchkey.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;

/**
 * A disabled local account was enabled again; grants revoked when it was disabled stay
 * revoked.
 *
 * @param id the account's identifier
 * @param username its username
 * @param at when it was enabled
 */
public record UserEnabled(UUID id, String username, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "user.enabled";
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
