package io.latchkey.invitation;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An admin request names an invitation or client that does not exist.
 */
class InvitationNotFoundForAdminException extends ProblemException {

	InvitationNotFoundForAdminException(String what) {
		super(HttpStatus.NOT_FOUND, "not-found", "No such " + what);
	}

}
