package io.latchkey.admin;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Raised when an admin request names something that does not exist.
 */
class NotFoundException extends ProblemException {

	NotFoundException(String what) {
		super(HttpStatus.NOT_FOUND, "not-found", "No such " + what);
	}

}
