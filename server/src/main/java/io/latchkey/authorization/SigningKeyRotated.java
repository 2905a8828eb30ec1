package io.latchkey.authorization;

import java.time.Instant;

/**
 * A new signing key became active for an algorithm; the one it replaced stays published
 * as the previous key.
 *
 * @param algorithm the JWS algorithm, {@code ES256} or {@code RS256}
 * @param kid the key id of the newly active key
 * @param at when the rotation happened
 */
public record SigningKeyRotated(String algorithm, String kid, Instant at) {

}
