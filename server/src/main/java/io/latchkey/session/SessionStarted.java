package io.latchkey.session;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * A first-party session began with a password sign-in.
 *
 * @param subject the person's stable name
 * @param directory {@code local} or the directory that checked the password
 * @param tokenId the session token's {@code jti}
 * @param at when
 */
public record SessionStarted(String subject, String directory, String tokenId, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "session.started";
	}

	@Override
	public Actor auditActor() {
		return Actor.user(this.subject);
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("directory", this.directory, "session_id", this.tokenId);
	}

}
