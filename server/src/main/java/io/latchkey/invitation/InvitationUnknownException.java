package io.latchkey.invitation;

/**
 * A redemption failure: no invitation has this secret.
 */
class InvitationUnknownException extends InvalidInvitationException {

	InvitationUnknownException() {
		super(null, "No invitation has this secret");
	}

	@Override
	String reason() {
		return "unknown";
	}

}
