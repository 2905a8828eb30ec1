package io.latchkey.invitation;

/**
 * An admin asked to revoke an invitation that was already redeemed without asking to
 * revoke the tokens it produced.
 */
class InvitationAlreadyRedeemedForAdminException extends RuntimeException {

	InvitationAlreadyRedeemedForAdminException() {
		super("The invitation was already redeemed; add ?revoke_tokens=true to revoke the tokens it produced");
	}

}
