package io.latchkey.audit;

/**
 * A search of the audit log had a parameter that is not what it must be.
 */
class InvalidAuditQueryException extends RuntimeException {

	InvalidAuditQueryException(String message) {
		super(message);
	}

}
