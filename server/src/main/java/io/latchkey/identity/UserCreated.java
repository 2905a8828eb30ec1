package io.latchkey.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A local account was created.
 *
 * @param id the account's identifier
 * @param username its username
 * @param at when it was created
 */
public record UserCreated(UUID id, String username, Instant at) {

}
