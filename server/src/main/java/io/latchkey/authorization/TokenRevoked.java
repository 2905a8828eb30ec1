package io.latchkey.authorization;

import java.time.Instant;

/**
 * A client revoked one of its tokens at the revocation endpoint (RFC 7009).
 *
 * @param clientId the client that revoked its token
 * @param at when the token was revoked
 */
public record TokenRevoked(String clientId, Instant at) {

}
