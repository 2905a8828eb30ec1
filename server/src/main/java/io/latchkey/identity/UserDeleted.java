package io.latchkey.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A local account was deleted; every grant, session and consent the person had is revoked
 * in the same transaction.
 *
 * @param id the account's identifier, which is also its {@code sub}
 * @param username its username
 * @param at when it was deleted
 */
public record UserDeleted(UUID id, String username, Instant at) implements AccountWithdrawn {

	@Override
	public String auditType() {
		return "user.deleted";
	}

	@Override
	public String subject() {
		return this.id.toString();
	}

}
