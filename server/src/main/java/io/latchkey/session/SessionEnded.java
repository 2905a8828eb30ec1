package io.latchkey.session;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * A first-party session was ended by its holder; its token is revoked until it expires.
 *
 * @param subject the person's stable name
 * @param tokenId the revoked token's {@code jti}
 * @param at when
 */
public record SessionEnded(String subject, String tokenId, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "session.ended";
	}

	@Override
	public Actor auditActor() {
		return Actor.user(this.subject);
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("session_id", this.tokenId);
	}

}
