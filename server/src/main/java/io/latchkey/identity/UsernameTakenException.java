package io.latchkey.identity;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Raised when an account is created with a username that is already in use.
 */
public class UsernameTakenException extends ProblemException {

	public UsernameTakenException(String username) {
		super(HttpStatus.CONFLICT, "username-taken", "The username is already in use");
	}

}
