package io.latchkey.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A local account was disabled: the person can no longer sign in, and every grant,
 * session and consent they had is revoked in the same transaction.
 *
 * @param id the account's identifier, which is also its {@code sub}
 * @param username its username
 * @param at when it was disabled
 */
public record UserDisabled(UUID id, String username, Instant at) implements AccountWithdrawn {

	@Override
	public String auditType() {
		return "user.disabled";
	}

	@Override
	public String subject() {
		return this.id.toString();
	}

}
