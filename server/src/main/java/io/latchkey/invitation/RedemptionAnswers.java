package io.latchkey.invitation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.latchkey.shared.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The answers of the redemption endpoint when it does not redeem: one and the same
 * {@code 400 invalid_invitation} for every failure, in the style of RFC 6749 section 5.2
 * since apps treat it like an OAuth error, and {@code 429} when throttled.
 */
@RestControllerAdvice(assignableTypes = RedemptionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RedemptionAnswers {

	static final Map<String, String> INVALID_INVITATION = invalidInvitation();

	@ExceptionHandler(InvalidInvitationException.class)
	ResponseEntity<Map<String, String>> invalid(InvalidInvitationException ex) {
		return noStore(ResponseEntity.badRequest()).contentType(MediaType.APPLICATION_JSON).body(INVALID_INVITATION);
	}

	/**
	 * The one place that answers 429; it moves to the shared rate-limit answer once there
	 * is one.
	 */
	@ExceptionHandler(RedemptionThrottledException.class)
	ResponseEntity<ProblemDetail> throttled(RedemptionThrottledException ex) {
		return noStore(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS))
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Too many attempts. Try again after the time in Retry-After."));
	}

	private static Map<String, String> invalidInvitation() {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("error", "invalid_invitation");
		body.put("error_description", "This invitation link cannot be used. Ask for a new one.");
		return Collections.unmodifiableMap(body);
	}

	/**
	 * Codes and verifiers must not be cached or leak through a Referer (RFC 6749 section
	 * 5.1).
	 */
	static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder builder) {
		return builder.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.PRAGMA, "no-cache")
			.header("Referrer-Policy", "no-referrer");
	}

}
