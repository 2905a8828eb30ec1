package io.latchkey.datalink;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A request about data links that Latchkey refuses, with a reason the caller can fix.
 */
class InvalidDataLinkRequestException extends ProblemException {

	InvalidDataLinkRequestException(String reason) {
		super(HttpStatus.BAD_REQUEST, "invalid-request", reason);
	}

}
