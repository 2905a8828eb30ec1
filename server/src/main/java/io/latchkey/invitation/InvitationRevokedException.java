package io.latchkey.invitation;

import java.util.UUID;

/**
 * A redemption failure: the invitation was revoked.
 */
class InvitationRevokedException extends InvalidInvitationException {

	InvitationRevokedException(UUID invitationId) {
		super(invitationId, "The invitation was revoked");
	}

	@Override
	String reason() {
		return "revoked";
	}

}
