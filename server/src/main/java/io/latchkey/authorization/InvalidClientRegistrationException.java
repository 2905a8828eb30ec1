package io.latchkey.authorization;

/**
 * A client registration that Latchkey refuses, with the reason a caller can fix.
 */
public class InvalidClientRegistrationException extends RuntimeException {

	public InvalidClientRegistrationException(String reason) {
		super(reason);
	}

}
