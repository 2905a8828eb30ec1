package io.latchkey.identity;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * A person signed in with a password.
 *
 * @param subject the stable name tokens carry as {@code sub}
 * @param username the login name as typed
 * @param directory {@code local} or the directory's configured name
 * @param at when
 */
public record StaffSignedIn(String subject, String username, String directory, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "signin.succeeded";
	}

	@Override
	public Actor auditActor() {
		return Actor.user(this.subject);
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("directory", this.directory, "username", this.username);
	}

}
