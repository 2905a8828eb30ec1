package io.latchkey.identity;

/**
 * Raised when an account is created with a username that is already in use.
 */
public class UsernameTakenException extends RuntimeException {

	public UsernameTakenException(String username) {
		super("The username is already in use");
	}

}
