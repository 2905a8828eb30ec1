package io.latchkey.identity;

import java.time.Instant;
import java.util.List;

/**
 * A password sign-in was refused.
 *
 * @param usernameHash hex SHA-256 of the login name, because people sometimes type their
 * password into the name field
 * @param directories the account sources asked, in order
 * @param reason {@code bad-credentials}, {@code no-mapped-group}, {@code disabled},
 * {@code locked} or {@code directory-unavailable}
 * @param at when
 */
public record StaffSignInFailed(String usernameHash, List<String> directories, String reason, Instant at) {

}
