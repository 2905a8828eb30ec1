package io.latchkey.resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The kit's refusals: a challenge in {@code WWW-Authenticate} (RFC 6750 section 3, RFC
 * 9449 section 7.1) and a FHIR {@code OperationOutcome} as the body, which FHIR clients
 * know how to show.
 */
final class ResourceResponses {

	private static final String DPOP_ALGORITHMS = String.join(" ",
			TokenBindings.PROOF_ALGORITHMS.stream().map(Object::toString).sorted().toList());

	private ResourceResponses() {
	}

	/** No token at all: a challenge for each scheme, without an error code. */
	static void unauthenticated(HttpServletResponse response) throws IOException {
		response.addHeader("WWW-Authenticate", "Bearer realm=\"fhir\"");
		response.addHeader("WWW-Authenticate", "DPoP realm=\"fhir\", algs=\"" + DPOP_ALGORITHMS + "\"");
		outcome(response, 401, "login", "an access token is required");
	}

	/** A token that is refused, challenged in the scheme it came with. */
	static void invalidToken(HttpServletResponse response, String scheme, String description) throws IOException {
		response.addHeader("WWW-Authenticate", challenge(scheme, "invalid_token", description));
		outcome(response, 401, "login", description);
	}

	static void invalidProof(HttpServletResponse response, String description) throws IOException {
		response.addHeader("WWW-Authenticate", challenge("DPoP", "invalid_dpop_proof", description));
		outcome(response, 401, "login", description);
	}

	static void invalidRequest(HttpServletResponse response, String description) throws IOException {
		response.addHeader("WWW-Authenticate", challenge("Bearer", "invalid_request", description));
		outcome(response, 400, "invalid", description);
	}

	/** A valid token whose scopes or patient do not cover the request (403). */
	static void insufficientScope(HttpServletResponse response, String scheme, String description) throws IOException {
		response.addHeader("WWW-Authenticate", challenge(scheme, "insufficient_scope", description));
		outcome(response, 403, "forbidden", description);
	}

	static void unavailable(HttpServletResponse response, String description) throws IOException {
		response.setHeader("Retry-After", "5");
		outcome(response, 503, "transient", description);
	}

	static void json(HttpServletResponse response, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		response.setStatus(200);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("Access-Control-Allow-Origin", "*");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String challenge(String scheme, String error, String description) {
		String name = scheme.equalsIgnoreCase("DPoP") ? "DPoP" : "Bearer";
		String algs = name.equals("DPoP") ? ", algs=\"" + DPOP_ALGORITHMS + "\"" : "";
		return name + " realm=\"fhir\", error=\"" + error + "\", error_description=\"" + description + "\"" + algs;
	}

	private static void outcome(HttpServletResponse response, int status, String code, String diagnostics)
			throws IOException {
		Map<String, Object> issue = new LinkedHashMap<>();
		issue.put("severity", "error");
		issue.put("code", code);
		issue.put("diagnostics", diagnostics);
		Map<String, Object> outcome = new LinkedHashMap<>();
		outcome.put("resourceType", "OperationOutcome");
		outcome.put("issue", List.of(issue));
		byte[] body = JSONObjectUtils.toJSONString(outcome).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
