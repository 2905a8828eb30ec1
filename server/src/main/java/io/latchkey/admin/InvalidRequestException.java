package io.latchkey.admin;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An admin request whose content Latchkey refuses, with the reason a caller can fix.
 */
class InvalidRequestException extends ProblemException {

	InvalidRequestException(String reason) {
		super(HttpStatus.BAD_REQUEST, "invalid-request", reason);
	}

}
