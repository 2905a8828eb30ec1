package io.latchkey.identity;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * A local account was deleted or disabled: every grant, session, consent and invitation
 * of the person goes with it, in the same transaction. Modules that keep any listen to
 * this.
 */
public sealed interface AccountWithdrawn extends SecurityEvent permits UserDeleted, UserDisabled {

	/**
	 * The name grants, sessions and audit records of this person are kept under: the
	 * account's id.
	 */
	@Override
	String subject();

	/** The account's username, which invitations name. */
	String username();

	/** When it was deleted or disabled. */
	@Override
	Instant at();

	@Override
	default Map<String, ?> auditDetail() {
		return Map.of("username", username());
	}

}
