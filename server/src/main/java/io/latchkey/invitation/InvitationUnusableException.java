package io.latchkey.invitation;

import java.util.UUID;

/**
 * A redemption failure: the client or person no longer allows a code.
 */
class InvitationUnusableException extends InvalidInvitationException {

	InvitationUnusableException(UUID invitationId) {
		super(invitationId, "The client or person no longer allows a code");
	}

	@Override
	String reason() {
		return "unusable";
	}

}
