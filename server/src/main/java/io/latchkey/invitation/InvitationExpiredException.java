package io.latchkey.invitation;

import java.util.UUID;

/**
 * A redemption failure: the invitation has expired.
 */
class InvitationExpiredException extends InvalidInvitationException {

	InvitationExpiredException(UUID invitationId) {
		super(invitationId, "The invitation has expired");
	}

	@Override
	String reason() {
		return "expired";
	}

}
