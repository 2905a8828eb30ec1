package io.latchkey.authorization;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * A new signing key became active for an algorithm; the one it replaced stays published
 * as the previous key.
 *
 * @param algorithm the JWS algorithm, {@code ES256} or {@code RS256}
 * @param kid the key id of the newly active key
 * @param at when the rotation happened
 */
public record SigningKeyRotated(String algorithm, String kid, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "key.rotated";
	}

	@Override
	public String subject() {
		return this.kid;
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("algorithm", this.algorithm, "kid", this.kid);
	}

}
