package io.latchkey.abuse;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;
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
public record ObjectLocked(String purpose, String objectId, @Nullable Instant lockedUntil,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "lockout.engaged";
	}

	@Override
	public String subject() {
		return this.objectId;
	}

	@Override
	public boolean auditFailure() {
		return true;
	}

	@Override
	public Map<String, ?> auditDetail() {
		return (this.lockedUntil != null) ? Map.of("purpose", this.purpose, "locked_until", this.lockedUntil.toString())
				: Map.of("purpose", this.purpose);
	}

}
