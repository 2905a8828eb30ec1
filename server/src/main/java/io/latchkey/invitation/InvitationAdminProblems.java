package io.latchkey.invitation;

import io.latchkey.shared.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the invitation admin API's named failures to problem details.
 */
@RestControllerAdvice(assignableTypes = { InvitationAdminController.class, ClientLaunchSettingsController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvitationAdminProblems {

	@ExceptionHandler(InvalidInvitationRequestException.class)
	ProblemDetail invalidRequest(InvalidInvitationRequestException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
	}

	@ExceptionHandler(InvitationNotFoundForAdminException.class)
	ProblemDetail notFound(InvitationNotFoundForAdminException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
	}

	@ExceptionHandler(InvitationAlreadyRedeemedForAdminException.class)
	ProblemDetail alreadyRedeemed(InvitationAlreadyRedeemedForAdminException ex) {
		return Problems.of(HttpStatus.CONFLICT, "invitation-redeemed", ex.getMessage());
	}

}
