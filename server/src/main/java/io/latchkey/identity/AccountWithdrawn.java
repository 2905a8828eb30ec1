package io.latchkey.identity;

import java.time.Instant;

/**
 * A local account was deleted or disabled: every grant, session, consent and invitation
 * of the person goes with it, in the same transaction. Modules that keep any listen to
 * this.
 */
public sealed interface AccountWithdrawn permits UserDeleted, UserDisabled {

	/** The name grants and sessions of this person are kept under: the account's id. */
	String subject();

	/** The account's username, which invitations name. */
	String username();

	/** When it was deleted or disabled. */
	Instant at();

}
