package io.latchkey.session;

import io.latchkey.identity.DirectoryUnavailableException;
import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;

/**
 * The session API's refusals. Every refused sign-in gets the same answer, whether the
 * name, the password or the group mapping was the reason; a directory that cannot be
 * asked is not a wrong password.
 */
final class SessionRefusedException extends ProblemException {

	/** Seconds a client should wait before asking an unavailable directory again. */
	private static final String RETRY_AFTER = "30";

	private SessionRefusedException(HttpStatus status, String code, String detail) {
		super(status, code, detail, false);
	}

	static SessionRefusedException of(AuthenticationException ex) {
		if (ex instanceof DirectoryUnavailableException) {
			return retryLater(new SessionRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable",
					"The staff directory cannot be reached, so the password could not be checked. Try again shortly."));
		}
		if (ex instanceof AuthenticationServiceException) {
			return retryLater(new SessionRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"Please try again shortly."));
		}
		return new SessionRefusedException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
				"The username or password is not right.");
	}

	/** The session has lasted as long as it may; only a fresh sign-in continues it. */
	static SessionRefusedException expired(String detail) {
		SessionRefusedException refused = new SessionRefusedException(HttpStatus.UNAUTHORIZED, "session-expired",
				detail);
		refused.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		return refused;
	}

	private static SessionRefusedException retryLater(SessionRefusedException refused) {
		refused.addHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
		return refused;
	}

}
