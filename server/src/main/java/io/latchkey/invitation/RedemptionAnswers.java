package io.latchkey.invitation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answers of the redemption endpoint when it does not redeem: one and the same
 * {@code 400 invalid_invitation} for every failure, in the style of RFC 6749 section 5.2
 * since apps treat it like an OAuth error rather than a problem detail.
 */
final class RedemptionAnswers {

	/**
	 * Codes and verifiers must not be cached or leak through a Referer (RFC 6749 section
	 * 5.1).
	 */
	static final Map<String, String> NO_STORE = Map.of(HttpHeaders.CACHE_CONTROL, "no-store", HttpHeaders.PRAGMA,
			"no-cache", "Referrer-Policy", "no-referrer");

	static final Map<String, Object> INVALID_INVITATION = invalidInvitation();

	private RedemptionAnswers() {
	}

	static ResponseEntity<Map<String, Object>> invalid() {
		return noStore(ResponseEntity.badRequest()).contentType(MediaType.APPLICATION_JSON).body(INVALID_INVITATION);
	}

	static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder builder) {
		NO_STORE.forEach((name, value) -> builder.header(name, value));
		return builder;
	}

	private static Map<String, Object> invalidInvitation() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "invalid_invitation");
		body.put("error_description", "This invitation link cannot be used. Ask for a new one.");
		return Collections.unmodifiableMap(body);
	}

}
