package io.latchkey.authorization;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * The token endpoint issued tokens: a grant was exchanged or a refresh token rotated.
 *
 * @param clientId the client the tokens were issued to
 * @param subject the {@code sub} of the access token: a person, or the client itself
 * @param grantType the grant that was used, such as {@code authorization_code} or
 * {@code refresh_token}
 * @param at when the tokens were issued
 */
public record TokensIssued(String clientId, String subject, String grantType, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "refresh_token".equals(this.grantType) ? "token.refreshed" : "token.issued";
	}

	@Override
	public Actor auditActor() {
		return Actor.client(this.clientId);
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("grant_type", this.grantType);
	}

}
