package io.latchkey.identity;

import java.time.Instant;

/**
 * A person signed in with a password.
 *
 * @param subject the stable name tokens carry as {@code sub}
 * @param username the login name as typed
 * @param directory {@code local} or the directory's configured name
 * @param at when
 */
public record StaffSignedIn(String subject, String username, String directory, Instant at) {

}
