package io.latchkey.invitation;

/**
 * An admin request names an invitation or client that does not exist.
 */
class InvitationNotFoundForAdminException extends RuntimeException {

	InvitationNotFoundForAdminException(String what) {
		super("No such " + what);
	}

}
