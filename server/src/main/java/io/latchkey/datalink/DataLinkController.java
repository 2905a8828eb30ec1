package io.latchkey.datalink;

import java.util.LinkedHashMap;
import java.util.Map;

import io.latchkey.datalink.Visitors.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's API: {@code /api/data-links/{id}/lease}, {@code payload},
 * {@code submission} and {@code use}. The {@code id} is the link's secret id from its
 * URL.
 */
@RestController
@RequestMapping("/api/data-links/{id}")
class DataLinkController {

	private final DataLinkAccess access;

	private final OneTimeCodes codes;

	private final Visitors visitors;

	DataLinkController(DataLinkAccess access, OneTimeCodes codes, Visitors visitors) {
		this.access = access;
		this.codes = codes;
		this.visitors = visitors;
	}

	/** Emails a one-time code for an {@code email_otp} link. */
	@PostMapping("/code")
	ResponseEntity<Void> code(@PathVariable String id, HttpServletRequest request) {
		this.codes.send(id, this.visitors.of(request));
		return ResponseEntity.accepted().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
	}

	@PostMapping("/lease")
	ResponseEntity<Map<String, Object>> lease(@PathVariable String id,
			@RequestBody(required = false) @Nullable JsonNode body, HttpServletRequest request) {
		Visitor visitor = this.visitors.of(request);
		String factor = (body != null && body.path("factor").isValueNode()) ? body.path("factor").asString() : null;
		LeaseTokens.Lease lease = this.access.lease(id, factor, visitor);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("lease", lease.token());
		answer.put("token_type", "Bearer");
		answer.put("expires_in", lease.expiresIn());
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE, LeaseTokens.COOKIE.set(lease.cookie()))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(answer);
	}

	@GetMapping("/payload")
	ResponseEntity<byte[]> payload(@PathVariable String id, HttpServletRequest request) {
		byte[] payload = this.access.payload(id, request, false, this.visitors.of(request));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(payload);
	}

	@PostMapping("/submission")
	ResponseEntity<Void> submit(@PathVariable String id, @RequestBody JsonNode answer, HttpServletRequest request) {
		this.access.submit(id, request, false, answer, this.visitors.of(request));
		return ResponseEntity.accepted().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
	}

	@PostMapping("/use")
	ResponseEntity<Void> use(@PathVariable String id, HttpServletRequest request) {
		this.access.use(id, request, false, this.visitors.of(request));
		return ResponseEntity.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
	}

}
