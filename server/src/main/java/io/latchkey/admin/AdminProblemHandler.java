package io.latchkey.admin;

import io.latchkey.authorization.InvalidClientRegistrationException;
import io.latchkey.identity.UsernameTakenException;
import io.latchkey.shared.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the admin API's named failures to problem details.
 */
@RestControllerAdvice(basePackageClasses = AdminProblemHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminProblemHandler {

	@ExceptionHandler(InvalidClientRegistrationException.class)
	ProblemDetail invalidClient(InvalidClientRegistrationException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-client-registration", ex.getMessage());
	}

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
	}

	@ExceptionHandler(UsernameTakenException.class)
	ProblemDetail usernameTaken(UsernameTakenException ex) {
		return Problems.of(HttpStatus.CONFLICT, "username-taken", ex.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
	}

}
