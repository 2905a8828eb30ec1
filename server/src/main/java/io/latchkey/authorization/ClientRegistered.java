package io.latchkey.authorization;

import java.time.Instant;

/**
 * An OAuth client was registered.
 *
 * @param clientId the new client's identifier
 * @param at when it was registered
 */
public record ClientRegistered(String clientId, Instant at) {

}
