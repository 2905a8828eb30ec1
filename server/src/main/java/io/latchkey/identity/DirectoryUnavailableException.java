package io.latchkey.identity;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * The directory could not be asked (down, unreachable, too slow); the password may well
 * be right, so this is never reported as a wrong password.
 */
public class DirectoryUnavailableException extends AuthenticationServiceException {

	public DirectoryUnavailableException(String directory, Throwable cause) {
		super("The directory " + directory + " is unavailable", cause);
	}

}
