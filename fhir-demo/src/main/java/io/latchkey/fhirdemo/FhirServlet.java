package io.latchkey.fhirdemo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The demo's FHIR REST API: {@code metadata}, read ({@code GET [type]/[id]}) and search
 * ({@code GET [type]?…}, {@code GET Patient/[id]/[type]}) of the bundled resources. It
 * trusts the resource-server kit in front of it to have checked the token.
 */
final class FhirServlet extends HttpServlet {

	private final FhirStore store;

	private final String baseUrl;

	private final String issuer;

	FhirServlet(FhirStore store, String baseUrl, String issuer) {
		this.store = store;
		this.baseUrl = baseUrl;
		this.issuer = issuer;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = (request.getPathInfo() != null) ? request.getPathInfo() : "/";
		String[] segments = path.substring(1).split("/", -1);
		if (path.equals("/metadata")) {
			send(response, 200, capabilityStatement());
		}
		else if (segments.length == 1 && this.store.knows(segments[0])) {
			send(response, 200, searchSet(this.store.search(segments[0], request.getParameterMap())));
		}
		else if (segments.length == 2 && this.store.knows(segments[0])) {
			Optional<Map<String, Object>> found = this.store.read(segments[0], segments[1]);
			send(response, found.isPresent() ? 200 : 404,
					found.orElseGet(() -> outcome("not-found", "no " + segments[0] + "/" + segments[1])));
		}
		else if (segments.length == 3 && segments[0].equals("Patient") && this.store.knows(segments[2])) {
			Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
			parameters.put("patient", new String[] { segments[1] });
			send(response, 200, searchSet(this.store.search(segments[2], parameters)));
		}
		else {
			send(response, 404, outcome("not-supported", "the demo FHIR server does not serve " + path));
		}
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getMethod().equals("GET")) {
			doGet(request, response);
			return;
		}
		response.setHeader("Allow", "GET");
		send(response, 405, outcome("not-supported", "the demo FHIR server is read-only"));
	}

	private Map<String, Object> searchSet(List<Map<String, Object>> resources) {
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.put("resourceType", "Bundle");
		bundle.put("type", "searchset");
		bundle.put("total", resources.size());
		bundle.put("entry", resources.stream()
			.map((resource) -> Map.of("fullUrl",
					this.baseUrl + "/" + resource.get("resourceType") + "/" + resource.get("id"), "resource", resource))
			.toList());
		return bundle;
	}

	/**
	 * The SMART extension names the authorization server's endpoints (SMART App Launch 2,
	 * section 2.2); clients that read it rather than
	 * {@code .well-known/smart-configuration} find Latchkey too.
	 */
	private Map<String, Object> capabilityStatement() {
		Map<String, Object> oauthUris = Map.of("url",
				"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris", "extension",
				List.of(Map.of("url", "authorize", "valueUri", this.issuer + "/oauth2/authorize"),
						Map.of("url", "token", "valueUri", this.issuer + "/oauth2/token")));
		Map<String, Object> security = Map.of("extension", List.of(oauthUris), "service",
				List.of(Map.of("coding", List.of(Map.of("system",
						"http://terminology.hl7.org/CodeSystem/restful-security-service", "code", "SMART-on-FHIR")))));
		List<Map<String, Object>> resources = List.of("Patient", "Observation")
			.stream()
			.map((type) -> Map.<String, Object>of("type", type, "interaction",
					List.of(Map.of("code", "read"), Map.of("code", "search-type"))))
			.toList();
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("resourceType", "CapabilityStatement");
		statement.put("status", "active");
		statement.put("kind", "instance");
		statement.put("fhirVersion", "4.0.1");
		statement.put("format", List.of("json"));
		statement.put("rest", List.of(Map.of("mode", "server", "security", security, "resource", resources)));
		return statement;
	}

	private static Map<String, Object> outcome(String code, String diagnostics) {
		return Map.of("resourceType", "OperationOutcome", "issue",
				List.of(Map.of("severity", "error", "code", code, "diagnostics", diagnostics)));
	}

	private static void send(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
		byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
