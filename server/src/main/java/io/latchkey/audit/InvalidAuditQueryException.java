package io.latchkey.audit;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A search of the audit log had a parameter that is not what it must be.
 */
class InvalidAuditQueryException extends ProblemException {

	InvalidAuditQueryException(String message) {
		super(HttpStatus.BAD_REQUEST, "invalid-request", message);
	}

}
