package io.latchkey.admin;

/**
 * An admin request whose content Latchkey refuses, with the reason a caller can fix.
 */
class InvalidRequestException extends RuntimeException {

	InvalidRequestException(String reason) {
		super(reason);
	}

}
