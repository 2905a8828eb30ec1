package io.latchkey.authorization;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A client registration that Latchkey refuses, with the reason a caller can fix.
 */
public class InvalidClientRegistrationException extends ProblemException {

	public InvalidClientRegistrationException(String reason) {
		super(HttpStatus.BAD_REQUEST, "invalid-client-registration", reason);
	}

}
