package io.latchkey.authorization;

import java.time.Instant;

/**
 * A person's remembered consent for a client was withdrawn; the next authorization asks
 * again.
 *
 * @param clientId the client
 * @param principalName the person
 * @param at when
 */
public record ConsentRevoked(String clientId, String principalName, Instant at) {

}
