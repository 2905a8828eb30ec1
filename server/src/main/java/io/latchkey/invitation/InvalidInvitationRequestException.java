package io.latchkey.invitation;

/**
 * An admin request about invitations that Latchkey refuses, with a reason the caller can
 * fix.
 */
class InvalidInvitationRequestException extends RuntimeException {

	InvalidInvitationRequestException(String reason) {
		super(reason);
	}

}
