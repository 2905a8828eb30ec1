package io.latchkey.invitation;

/**
 * Where an invitation stands.
 */
enum InvitationStatus {

	PENDING, REDEEMED, REVOKED, EXPIRED;

	String value() {
		return name().toLowerCase();
	}

}
