package io.latchkey.invitation;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An admin request about invitations that Latchkey refuses, with a reason the caller can
 * fix.
 */
class InvalidInvitationRequestException extends ProblemException {

	InvalidInvitationRequestException(String reason) {
		super(HttpStatus.BAD_REQUEST, "invalid-request", reason);
	}

}
