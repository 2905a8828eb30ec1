package io.latchkey.session;

import java.time.Instant;

/**
 * A first-party session began with a password sign-in.
 *
 * @param subject the person's stable name
 * @param directory {@code local} or the directory that checked the password
 * @param tokenId the session token's {@code jti}
 * @param at when
 */
public record SessionStarted(String subject, String directory, String tokenId, Instant at) {

}
