package io.latchkey.invitation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A redemption that fails. Subclasses name why, for the audit log; the outside gets one
 * answer for all of them, so that nobody learns whether a secret ever existed.
 */
abstract class InvalidInvitationException extends RuntimeException {

	private final @Nullable UUID invitationId;

	InvalidInvitationException(@Nullable UUID invitationId, String reason) {
		super(reason, null, false, false);
		this.invitationId = invitationId;
	}

	@Nullable UUID invitationId() {
		return this.invitationId;
	}

	/** A short stable name of the failure, as the audit log records it. */
	abstract String reason();

}
