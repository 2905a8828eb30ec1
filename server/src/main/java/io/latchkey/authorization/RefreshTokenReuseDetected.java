package io.latchkey.authorization;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * A refresh token that rotation had already replaced was presented again, so it has
 * leaked; every token of its authorization was revoked (RFC 9700 section 4.14.2).
 *
 * @param clientId the client the token was issued to
 * @param principalName the person the authorization was for
 * @param authorizationId the revoked authorization (the token family)
 * @param at when the reuse was detected
 */
public record RefreshTokenReuseDetected(String clientId, String principalName, String authorizationId,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "token.reuse_detected";
	}

	@Override
	public String subject() {
		return this.principalName;
	}

	@Override
	public boolean auditFailure() {
		return true;
	}

	@Override
	public Actor auditActor() {
		return Actor.client(this.clientId);
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("authorization_id", this.authorizationId, "action", "family_revoked");
	}

}
