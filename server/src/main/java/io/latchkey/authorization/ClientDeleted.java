package io.latchkey.authorization;

import java.time.Instant;

/**
 * An OAuth client was removed, with its authorizations and consents.
 *
 * @param clientId the removed client's identifier
 * @param at when it was removed
 */
public record ClientDeleted(String clientId, Instant at) {

}
