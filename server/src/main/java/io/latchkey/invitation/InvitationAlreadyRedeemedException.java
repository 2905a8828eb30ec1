package io.latchkey.invitation;

import java.util.UUID;

/**
 * A redemption failure: the invitation was already redeemed.
 */
class InvitationAlreadyRedeemedException extends InvalidInvitationException {

	InvitationAlreadyRedeemedException(UUID invitationId) {
		super(invitationId, "The invitation was already redeemed");
	}

	@Override
	String reason() {
		return "redeemed";
	}

}
