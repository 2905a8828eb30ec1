package io.latchkey.admin;

/**
 * Raised when an admin request names something that does not exist.
 */
class NotFoundException extends RuntimeException {

	NotFoundException(String what) {
		super("No such " + what);
	}

}
