package io.latchkey.session;

import java.time.Instant;

/**
 * A first-party session was ended by its holder; its token is revoked until it expires.
 *
 * @param subject the person's stable name
 * @param tokenId the revoked token's {@code jti}
 * @param at when
 */
public record SessionEnded(String subject, String tokenId, Instant at) {

}
