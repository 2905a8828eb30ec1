package io.latchkey.device;

import java.time.Instant;

/**
 * An entered user code matched no active device request, or entry was refused by a
 * guessing limit; carries no code.
 *
 * @param principal who entered it
 * @param remoteAddress where from
 * @param throttled whether a guessing limit refused the attempt before any lookup
 * @param at when
 */
public record UserCodeRejected(String principal, String remoteAddress, boolean throttled, Instant at) {

}
