package io.latchkey.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.latchkey.shared.ProblemException;
import io.latchkey.shared.Problems;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one mapping from exceptions to answers: the features' named failures
 * ({@link ProblemException}) and framework errors become RFC 9457 problem details with a
 * stable {@code type} on Latchkey's own endpoints, and anything unexpected a bare 500
 * that tells nothing away. Pages and protocol endpoints get the error controller's answer
 * instead.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Pattern BRACKETS = Pattern.compile("\\[[^\\]]*\\]");

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private static final Log logger = LogFactory.getLog(ProblemDetailsAdvice.class);

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (sentToErrorPage(request, statusCode, HttpHeaders.EMPTY)) {
			return null;
		}
		ProblemDetail problem = Problems.of(statusCode, codeFor(statusCode), detailFor(ex, statusCode));
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	@ExceptionHandler(ProblemException.class)
	@Nullable ResponseEntity<?> problem(ProblemException ex, WebRequest request) {
		ResponseEntity<Object> backToForm = ConsoleForms.backToForm(request, ex.getMessage());
		if (backToForm != null) {
			return backToForm;
		}
		if (sentToErrorPage(request, ex.status(), ex.headers())) {
			return null;
		}
		return ResponseEntity.status(ex.status()).headers(ex.headers()).body(ex.toProblemDetail());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalidFields(ex.getBindingResult().getFieldErrors(), ex, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBeanResults().forEach((result) -> errors.addAll(result.getFieldErrors()));
		return invalidFields(errors, ex, headers, request);
	}

	/**
	 * A body that breaks its constraints: the fields and what they must be, never the
	 * values sent, which may be secrets.
	 */
	private ResponseEntity<Object> invalidFields(List<FieldError> fieldErrors, Exception ex, HttpHeaders headers,
			WebRequest request) {
		if (sentToErrorPage(request, HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY)) {
			return null;
		}
		Map<String, String> messages = new TreeMap<>();
		fieldErrors.forEach((error) -> messages.putIfAbsent(jsonName(error.getField()),
				(error.getDefaultMessage() != null && !error.isBindingFailure()) ? error.getDefaultMessage()
						: "is not valid"));
		ResponseEntity<Object> backToForm = ConsoleForms.backToForm(request,
				messages.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + " " + entry.getValue())
					.collect(Collectors.joining("; ")));
		if (backToForm != null) {
			return backToForm;
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
				messages.isEmpty() ? detailFor(ex, HttpStatus.BAD_REQUEST)
						: messages.entrySet()
							.stream()
							.map((entry) -> entry.getKey() + " " + entry.getValue())
							.collect(Collectors.joining("; ")));
		problem.setProperty("errors",
				messages.entrySet()
					.stream()
					.map((entry) -> Map.of("field", entry.getKey(), "message", entry.getValue()))
					.toList());
		return super.handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * The member's name as the JSON of Latchkey's APIs spells it ({@code client_id} for
	 * {@code clientId}), without indexes or map keys, which come from the request.
	 */
	static String jsonName(String field) {
		return CAMEL_HUMP.matcher(BRACKETS.matcher(field).replaceAll("")).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
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
	private static boolean sentToErrorPage(WebRequest request, HttpStatusCode status, HttpHeaders headers) {
		if (!(request instanceof ServletWebRequest servlet) || servlet.getResponse() == null) {
			return false;
		}
		String path = servlet.getRequest().getRequestURI();
		if (!ErrorFormat.wantsHtml(servlet.getRequest(), path) && !ErrorFormat.isProtocolEndpoint(path)) {
			return false;
		}
		try {
			headers.forEach((name, values) -> values.forEach((value) -> servlet.getResponse().addHeader(name, value)));
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
