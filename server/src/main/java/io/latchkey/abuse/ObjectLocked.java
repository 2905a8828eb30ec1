package io.latchkey.abuse;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An object was locked by {@link Lockouts} after too many failures, e.g. a data link
 * after wrong second factors.
 *
 * @param purpose what was failed at, e.g. {@code data-link-factor}
 * @param objectId the locked object's id
 * @param lockedUntil when the lock ends; none when it holds until reset
 * @param at when the lock engaged
 */
public record ObjectLocked(String purpose, String objectId, @Nullable Instant lockedUntil, Instant at) {

}
