package io.latchkey.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A disabled local account was enabled again; grants revoked when it was disabled stay
 * revoked.
 *
 * @param id the account's identifier
 * @param username its username
 * @param at when it was enabled
 */
public record UserEnabled(UUID id, String username, Instant at) {

}
