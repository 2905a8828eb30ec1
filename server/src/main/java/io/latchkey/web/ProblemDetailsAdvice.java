package io.latchkey.web;

import java.io.IOException;

import io.latchkey.shared.Problems;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns framework errors on Latchkey's own endpoints into RFC 9457 problem details with a
 * stable {@code type}, and anything unexpected into a bare 500 that tells nothing away.
 * Feature modules handle their own named failures with a higher precedence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemDetailsAdvice.class);

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (sentToErrorPage(request, statusCode)) {
			return null;
		}
		ProblemDetail problem = Problems.of(statusCode, codeFor(statusCode), detailFor(ex, statusCode));
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseOutageFilter.isDatabaseUnavailable(ex)) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", DatabaseOutageFilter.RETRY_AFTER_SECONDS)
				.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Please try again shortly."));
		}
		if (ex instanceof ErrorResponse response) {
			HttpStatusCode status = response.getStatusCode();
			return ResponseEntity.status(status).body(Problems.of(status, codeFor(status), detailFor(ex, status)));
		}
		logger.error("Unexpected failure handling a request: " + ex.getClass().getName());
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong on our side."));
	}

	/**
	 * A browser asking for a page gets the HTML error page, and a protocol endpoint its
	 * RFC 6749 error: the error controller renders both for the status sent here.
	 */
	private static boolean sentToErrorPage(WebRequest request, HttpStatusCode status) {
		if (!(request instanceof ServletWebRequest servlet) || servlet.getResponse() == null) {
			return false;
		}
		String path = servlet.getRequest().getRequestURI();
		if (!ErrorFormat.wantsHtml(servlet.getRequest(), path) && !ErrorFormat.isProtocolEndpoint(path)) {
			return false;
		}
		try {
			servlet.getResponse().sendError(status.value());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String codeFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "invalid-request";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "request-too-large";
			case 415 -> "unsupported-media-type";
			default -> "http-" + status.value();
		};
	}

	/** Framework messages may echo input back, so only fixed sentences go out. */
	private static String detailFor(Exception ex, HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "The request is malformed: check its JSON body, parameters and their types.";
			case 404 -> "There is nothing at this address.";
			case 405 -> "This method is not allowed here.";
			case 406 -> "No acceptable representation; this endpoint answers JSON.";
			case 413 -> "The request body is too large.";
			case 415 -> "Unsupported content type; send application/json.";
			default -> "The request could not be handled.";
		};
	}

}
