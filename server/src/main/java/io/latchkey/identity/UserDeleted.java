package io.latchkey.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A local account was deleted.
 *
 * @param id the account's identifier
 * @param username its username
 * @param at when it was deleted
 */
public record UserDeleted(UUID id, String username, Instant at) {

}
