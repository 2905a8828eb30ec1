package io.latchkey.session;

import io.latchkey.identity.DirectoryUnavailableException;
import io.latchkey.session.SessionController.InvalidSignInRequestException;
import io.latchkey.session.SessionController.SessionExpiredException;
import io.latchkey.shared.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The session API's failures as problem details; every refused sign-in gets the same
 * answer, whether the name, the password or the group mapping was the reason.
 */
@RestControllerAdvice(assignableTypes = SessionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionProblemHandler {

	/** Seconds a client should wait before asking an unavailable directory again. */
	private static final String RETRY_AFTER = "30";

	@ExceptionHandler(InvalidSignInRequestException.class)
	ProblemDetail invalidRequest(InvalidSignInRequestException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
	}

	@ExceptionHandler(DirectoryUnavailableException.class)
	ResponseEntity<ProblemDetail> directoryUnavailable(DirectoryUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable",
					"The staff directory cannot be reached, so the password could not be checked. Try again shortly."));
	}

	@ExceptionHandler(AuthenticationServiceException.class)
	ResponseEntity<ProblemDetail> unavailable(AuthenticationServiceException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Please try again shortly."));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> refused(AuthenticationException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials",
					"The username or password is not right."));
	}

	@ExceptionHandler(SessionExpiredException.class)
	ResponseEntity<ProblemDetail> expired(SessionExpiredException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.body(Problems.of(HttpStatus.UNAUTHORIZED, "session-expired", ex.getMessage()));
	}

}
