package io.latchkey.identity;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * The directory knows the person and the password was right, but none of their groups
 * maps to a Latchkey role; outside it looks like any other refused sign-in.
 */
class NotInMappedGroupException extends BadCredentialsException {

	NotInMappedGroupException() {
		super("Bad credentials");
	}

}
