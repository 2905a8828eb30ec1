package io.latchkey.invitation;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An admin asked to revoke an invitation that was already redeemed without asking to
 * revoke the tokens it produced.
 */
class InvitationAlreadyRedeemedForAdminException extends ProblemException {

	InvitationAlreadyRedeemedForAdminException() {
		super(HttpStatus.CONFLICT, "invitation-redeemed",
				"The invitation was already redeemed; add ?revoke_tokens=true to revoke the tokens it produced");
	}

}
