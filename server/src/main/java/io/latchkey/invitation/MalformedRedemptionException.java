package io.latchkey.invitation;

/**
 * A redemption failure: the redemption request is malformed.
 */
class MalformedRedemptionException extends InvalidInvitationException {

	MalformedRedemptionException() {
		super(null, "The redemption request is malformed");
	}

	@Override
	String reason() {
		return "malformed";
	}

}
