package io.latchkey.datalink;

import java.net.URI;
import java.util.Map;

import io.latchkey.shared.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the data-link APIs' named failures to problem details; the person's side says
 * nothing about why a factor or lease was refused.
 */
@RestControllerAdvice(assignableTypes = { DataLinkController.class, DataLinkAdminController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class DataLinkProblems {

	private static final URI PERSON_API = URI.create("/api/data-links");

	@ExceptionHandler(DataLinkGoneException.class)
	ResponseEntity<ProblemDetail> gone(DataLinkGoneException ex) {
		return noStore(HttpStatus.GONE, Problems.of(HttpStatus.GONE, "data-link-gone", ex.getMessage()));
	}

	@ExceptionHandler(FactorRejectedException.class)
	ResponseEntity<ProblemDetail> factorRejected(FactorRejectedException ex) {
		return noStore(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "factor-rejected", ex.getMessage()));
	}

	@ExceptionHandler(LeaseRejectedException.class)
	ResponseEntity<ProblemDetail> leaseRejected(LeaseRejectedException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "invalid-lease", ex.getMessage());
		problem.setInstance(PERSON_API);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(problem);
	}

	@ExceptionHandler(InvalidAnswerException.class)
	ResponseEntity<ProblemDetail> invalidAnswer(InvalidAnswerException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-answer", ex.getMessage());
		problem.setProperty("errors",
				ex.errors()
					.stream()
					.map((error) -> Map.of("field", error.field(), "message", error.message()))
					.toList());
		return noStore(HttpStatus.BAD_REQUEST, problem);
	}

	@ExceptionHandler(SubmissionNotAllowedException.class)
	ResponseEntity<ProblemDetail> submissionNotAllowed(SubmissionNotAllowedException ex) {
		return noStore(HttpStatus.CONFLICT,
				Problems.of(HttpStatus.CONFLICT, "submission-not-allowed", ex.getMessage()));
	}

	@ExceptionHandler(InvalidDataLinkRequestException.class)
	ProblemDetail invalidRequest(InvalidDataLinkRequestException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
	}

	@ExceptionHandler(DataLinkNotFoundException.class)
	ProblemDetail notFound(DataLinkNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
	}

	/**
	 * The person's side answers alike whatever the path: the link id in it is a secret
	 * and tells refusals apart.
	 */
	private static ResponseEntity<ProblemDetail> noStore(HttpStatus status, ProblemDetail problem) {
		problem.setInstance(PERSON_API);
		return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").body(problem);
	}

}
