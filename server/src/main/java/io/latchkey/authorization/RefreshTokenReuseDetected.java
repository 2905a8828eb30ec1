package io.latchkey.authorization;

import java.time.Instant;

/**
 * A refresh token that rotation had already replaced was presented again, so it has
 * leaked; every token of its authorization was revoked (RFC 9700 section 4.14.2).
 *
 * @param clientId the client the token was issued to
 * @param principalName the person the authorization was for
 * @param authorizationId the revoked authorization (the token family)
 * @param at when the reuse was detected
 */
public record RefreshTokenReuseDetected(String clientId, String principalName, String authorizationId, Instant at) {

}
