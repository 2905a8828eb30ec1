package io.latchkey.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.latchkey.test.RawHttp;
import io.latchkey.test.RawHttp.Reply;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed requests from a fixed seed: every method on every path of the
 * OpenAPI description, the protocol endpoints and the pages, with broken encodings, wrong
 * content types, oversized and duplicated headers and parameters, random JSON, bad UUIDs
 * and unicode. No answer is a 5xx, every error body is in the format of its address,
 * Spring Boot's default error body never appears, and nothing is logged at ERROR.
 */
class RequestFuzzTests extends ServerTestSupport {

	private static final long SEED = 20261127L;

	private static final int REQUESTS = 3000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
			"TRACE");

	/** Endpoints that answer only RFC 6749 JSON errors. */
	private static final Set<String> OAUTH_JSON = Set.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke",
			"/oauth2/device_authorization", "/userinfo");

	/**
	 * Invitation redemption refuses a link like the token endpoint its callers go to next
	 * (see the README), and bad HTTP like every other API.
	 */
	private static final String REDEMPTION = "/api/invitation";

	/** Tomcat's limit for the request line and headers together. */
	private static final int MAX_HEAD = 8 * 1024;

	/** What may stand in a request target without being percent-encoded (RFC 3986). */
	private static final java.util.regex.Pattern REQUEST_TARGET = java.util.regex.Pattern
		.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*");

	private static final List<String> PROTOCOL = List.of("GET /oauth2/authorize", "POST /oauth2/authorize",
			"POST /oauth2/token", "POST /oauth2/introspect", "POST /oauth2/revoke", "POST /oauth2/device_authorization",
			"GET /oauth2/device_verification", "POST /oauth2/device_verification", "GET /oauth2/jwks", "GET /userinfo",
			"POST /userinfo", "GET /connect/logout", "GET /oauth2/consent", "GET /.well-known/openid-configuration",
			"GET /.well-known/oauth-authorization-server", "GET /.well-known/oauth-protected-resource",
			"GET /.well-known/smart-configuration", "OPTIONS /oauth2/token");

	private static final List<String> PAGES = List.of("GET /", "GET /account", "GET /login", "POST /login",
			"GET /login/throttled", "GET /login/unavailable", "POST /logout", "GET /launch", "GET /device/confirm",
			"GET /device/verification", "POST /device/verification", "GET /device/approved", "GET /device/denied",
			"GET /device/qr", "GET /error", "GET /css/latchkey.css", "GET /favicon.ico", "GET /nothing/here",
			"GET /actuator/health", "GET /actuator/health/readiness", "GET /actuator/prometheus", "GET /v3/api-docs",
			"GET /v3/api-docs/admin", "GET /v3/api-docs/public", "GET /swagger-ui.html", "GET /l/{id}", "POST /l/{id}",
			"POST /l/{id}/code", "POST /l/{id}/answer", "POST /l/{id}/done", "GET /console", "GET /console/invitations",
			"POST /console/invitations", "POST /console/invitations/{id}/revoke", "GET /console/data-links",
			"POST /console/data-links", "GET /console/data-links/{id}", "POST /console/data-links/{id}/revoke",
			"POST /console/data-links/{id}/unlock", "GET /console/clients", "POST /console/clients",
			"POST /console/clients/{id}/secret", "POST /console/clients/{id}/delete", "GET /console/users",
			"POST /console/users", "POST /console/users/{id}/enabled", "GET /console/keys", "POST /console/keys/rotate",
			"GET /console/outbox", "GET /console/audit", "POST /account/apps/revoke", "POST /account/sessions/end",
			"GET /css/theme.css", "GET /js/console.js", "GET /smart/patient", "POST /smart/patient");

	private static final Set<String> PAGE_PATHS = Set.of("/", "/account", "/login", "/launch", "/device/confirm",
			"/device/verification", "/device/approved", "/device/denied", "/oauth2/device_verification",
			"/oauth2/consent", "/oauth2/authorize", "/smart/patient");

	/** Stand-ins for path variables: none of them names a real client or user. */
	private static final List<String> PATH_VALUES = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%zz",
			"%", "%00", "%E2%82", "..%2f..%2fetc", "%C3%BCn%C3%AFc%C3%B6d%C3%A9", "a".repeat(600), "-1",
			"9999999999999999999999", "%7B%7D", "null", "%20", "fuzz-client-" + 7,
			"12345678-1234-1234-1234-1234567890ab");

	private static final List<String> PARAMETER_NAMES = List.of("grant_type", "client_id", "client_secret", "code",
			"redirect_uri", "code_verifier", "code_challenge", "code_challenge_method", "refresh_token", "scope",
			"token", "token_type_hint", "device_code", "user_code", "response_type", "state", "nonce", "username",
			"password", "_csrf", "client_assertion", "client_assertion_type", "resource", "audience", "subject_token",
			"subject_token_type", "prompt", "request_uri", "page", "size", "status", "subject", "alg", "link",
			"revoke_tokens", "id_token_hint", "post_logout_redirect_uri", "deny", "aud", "smart_patient");

	private static final List<String> VALUES = List.of("", "x", "%zz", "%", "%E2%82%", "%00", "\u00fc\u00f1\u00ef",
			"\ud83d\udd11", "authorization_code", "client_credentials", "refresh_token",
			"urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:token-exchange",
			"password", "code", "token", "demo-app", "latchkey-admin", "openid", "openid profile latchkey:admin",
			"http://127.0.0.1/callback", "https://evil.example/cb", "javascript:alert(1)", "S256", "plain", "-1",
			"99999999999", "true", "BCDF-GHJK", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
			"eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "a=b&c=d", "<script>", "' OR 1=1 --", "none", "login consent",
			"openid launch/patient patient/*.rs");

	private static final List<String> JSON_KEYS = List.of("username", "password", "client_id", "client_name", "type",
			"redirect_uris", "grant_types", "scopes", "token_endpoint_auth_method", "require_consent", "token_settings",
			"access_token_ttl", "refresh_token_ttl", "subject", "patient", "scope", "expires_in", "deliver", "email",
			"sms", "secret", "code_challenge", "code_challenge_method", "roles", "phone", "launch_url", "email_subject",
			"email_template", "sms_template", "tls_client_auth_subject_dn", "jwks_uri",
			"tls_client_certificate_bound_access_tokens");

	private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded", "application/json",
			"text/plain", "application/xml", "multipart/form-data", "application/json; charset=bogus", "garbage",
			"application/x-www-form-urlencoded; charset=utf-16", "application/problem+json", "*/*");

	private static final List<String> ACCEPTS = List.of("text/html,application/xhtml+xml,*/*;q=0.8", "application/json",
			"*/*", "image/png", "text/html", "garbage;;;q=x", "application/problem+json", "text/plain");

	private final List<ILoggingEvent> errors = new CopyOnWriteArrayList<>();

	private final AppenderBase<ILoggingEvent> errorCollector = new AppenderBase<>() {
		@Override
		protected void append(ILoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
				RequestFuzzTests.this.errors.add(event);
			}
		}
	};

	private List<String> authorizations;

	private Random random;

	@BeforeEach
	void collectErrors() {
		this.errorCollector.start();
		rootLogger().addAppender(this.errorCollector);
	}

	@AfterEach
	void stopCollecting() {
		rootLogger().detachAppender(this.errorCollector);
	}

	@Test
	void malformedRequestsNeverGetA5xxAndAlwaysTheRightErrorFormat() {
		this.random = new Random(SEED);
		this.authorizations = authorizations();
		List<String> targets = targets();
		List<String> failures = new ArrayList<>();

		for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
			// First every method on every path once, then at random, mostly the
			// described method.
			boolean sweep = i < targets.size() * METHODS.size();
			String target = sweep ? targets.get(i / METHODS.size()) : targets.get(this.random.nextInt(targets.size()));
			String method = sweep ? METHODS.get(i % METHODS.size())
					: (this.random.nextInt(10) < 7) ? target.substring(0, target.indexOf(' ')) : pick(METHODS);
			String path = fillPath(target.substring(target.indexOf(' ') + 1));
			String accept = (this.random.nextInt(5) == 0) ? null : pick(ACCEPTS);
			Request request = request(method, path, accept);
			Reply reply = RawHttp.send(this.port, request.head(), request.body());
			String problem = judge(request.head(), request.target(), method, accept, reply);
			if (problem != null) {
				failures
					.add(problem + "\n    " + request.head().lines().findFirst().orElse("") + " [" + accept + "] -> "
							+ reply.status() + " " + reply.header("Content-Type") + " " + abbreviate(reply.body()));
			}
		}

		assertThat(failures).as("answers out of contract").isEmpty();
		assertThat(this.errors).extracting((event) -> event.getLoggerName() + ": " + event.getFormattedMessage())
			.as("logged at ERROR")
			.isEmpty();
	}

	@Test
	void requestsThatOnceEndedInAServerErrorAreRefusedInTheirFormat() {
		String admin = "Authorization: Bearer " + adminToken() + "\r\n";
		String host = "Host: localhost:" + this.port + "\r\n";
		String form = "Content-Type: application/x-www-form-urlencoded\r\n";
		byte[] badForm = "reason=%zz".getBytes(StandardCharsets.US_ASCII);
		List<Object[]> cases = List.of(new Object[] { "DELETE /api/session", form, badForm, 401 },
				new Object[] { "DELETE /api/admin/invitations/not-a-uuid", admin + form, badForm, 400 },
				new Object[] { "DELETE /api/admin/invitations/not-a-uuid", admin, new byte[0], 400 },
				new Object[] { "POST /api/admin/clients", admin + "Content-Type: */*\r\n", "{}".getBytes(), 415 },
				new Object[] { "POST /api/admin/users", admin + "Content-Type: multipart/form-data\r\n", "x".getBytes(),
						415 },
				new Object[] { "DELETE /api/admin/clients/%20", admin, new byte[0], 404 },
				new Object[] { "GET /launch?link=%E2%82%", "", new byte[0], 400 },
				new Object[] { "GET /error", "", new byte[0], 404 });
		for (Object[] attack : cases) {
			String line = (String) attack[0];
			Reply reply = RawHttp.send(this.port, line + " HTTP/1.1\r\n" + host + attack[1], (byte[]) attack[2]);

			assertThat(reply.status()).as(line).isEqualTo(attack[3]);
			if (!reply.body().isEmpty()) {
				assertThat(reply.header("Content-Type")).as(line).startsWith("application/problem+json");
			}
			assertThat(reply.body()).as(line).doesNotContain("timestamp");
		}
		assertThat(this.errors).isEmpty();
	}

	private String judge(String head, String path, String method, String accept, Reply reply) {
		String bare = bare(path);
		String body = reply.body();
		if (reply.status() >= 500) {
			return "server error";
		}
		if (body.contains("\"timestamp\"") || body.contains("Whitelabel") || body.contains("\tat ")) {
			return "Spring Boot's default error body";
		}
		if (reply.status() < 400 || body.isEmpty() || "HEAD".equals(method)) {
			return null;
		}
		if (!REQUEST_TARGET.matcher(path).matches() || head.length() > MAX_HEAD) {
			// Refused while the request line is parsed: neither its path nor its Accept
			// header is known, so any of the formats will do.
			return null;
		}
		String contentType = String.valueOf(reply.header("Content-Type"));
		if (OAUTH_JSON.contains(bare)) {
			JsonNode json = parse(body);
			return (contentType.startsWith("application/json") && json != null && json.path("error").isString()) ? null
					: "not an RFC 6749 error";
		}
		if (bare.startsWith("/api/")) {
			JsonNode json = parse(body);
			boolean problemDetail = contentType.startsWith("application/problem+json") && json != null
					&& json.path("status").isNumber() && json.path("type").isString();
			boolean redemptionRefused = bare.equals(REDEMPTION) && json != null && json.path("error").isString();
			return (problemDetail || redemptionRefused) ? null : "not a problem detail";
		}
		if ((PAGE_PATHS.contains(bare) || isDataLinkPage(bare) || isConsolePage(bare)) && accept != null
				&& accept.startsWith("text/html")) {
			return contentType.startsWith("text/html") ? null : "not an HTML page";
		}
		// A data link is opened from a message by whatever the person's phone runs: its
		// pages answer as pages whatever the request accepts.
		if (contentType.startsWith("text/html") && !isDataLinkPage(bare)
				&& (accept == null || !accept.contains("text/html"))) {
			return "HTML to a program that did not ask for it";
		}
		return null;
	}

	private static boolean isDataLinkPage(String bare) {
		return bare.startsWith("/l/");
	}

	private static boolean isConsolePage(String bare) {
		return bare.startsWith("/console") || bare.startsWith("/account/");
	}

	private Request request(String method, String path, String accept) {
		StringBuilder head = new StringBuilder(method).append(' ').append(path);
		if (this.random.nextInt(3) == 0) {
			head.append(path.contains("?") ? '&' : '?').append(formBody(1 + this.random.nextInt(4)));
		}
		head.append(" HTTP/1.1\r\nHost: localhost:").append(this.port).append("\r\n");
		if (accept != null) {
			head.append("Accept: ").append(accept).append("\r\n");
		}
		String authorization = pick(this.authorizations);
		if (authorization != null && path.startsWith("/api/admin/keys")
				&& authorization.startsWith("Authorization: Bearer")) {
			// Rotating the signing keys would change what other tests rely on.
			authorization = null;
		}
		if (authorization != null) {
			head.append(authorization);
		}
		if (this.random.nextInt(8) == 0) {
			head.append("Authorization: ")
				.append(pick(List.of("Basic !!!", "Bearer x", "DPoP x", "Negotiate x")))
				.append("\r\n");
		}
		if (this.random.nextInt(12) == 0) {
			head.append("DPoP: ").append(pick(VALUES)).append("\r\n");
		}
		if (this.random.nextInt(15) == 0) {
			head.append("X-Padding: ").append("p".repeat(1000 + this.random.nextInt(6000))).append("\r\n");
		}
		if (this.random.nextInt(20) == 0) {
			head.append("Cookie: SESSION=")
				.append(UUID.randomUUID())
				.append("; __Host-latchkey-fgp=")
				.append(pick(VALUES))
				.append("\r\n");
		}
		byte[] body = new byte[0];
		int kind = this.random.nextInt(6);
		if (!"GET".equals(method) && !"HEAD".equals(method) && kind > 0) {
			String contentType = pick(CONTENT_TYPES);
			head.append("Content-Type: ").append(contentType).append("\r\n");
			if (this.random.nextInt(10) == 0) {
				head.append("Content-Type: ").append(pick(CONTENT_TYPES)).append("\r\n");
			}
			body = switch (kind) {
				case 1, 2 -> formBody(1 + this.random.nextInt(6)).getBytes(StandardCharsets.UTF_8);
				case 3, 4 -> randomJson(0).getBytes(StandardCharsets.UTF_8);
				default -> junk();
			};
		}
		return new Request(head.toString(), body);
	}

	private String formBody(int parameters) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < parameters; i++) {
			if (i > 0) {
				form.append('&');
			}
			String name = pick(PARAMETER_NAMES);
			form.append(name).append('=').append(value());
			if (this.random.nextInt(8) == 0) {
				form.append('&').append(name).append('=').append(value());
			}
		}
		return form.toString();
	}

	private String value() {
		int kind = this.random.nextInt(12);
		if (kind == 0) {
			return "v".repeat(5000 + this.random.nextInt(5000));
		}
		String value = pick(VALUES);
		return (kind < 4) ? value : value.replace(" ", "%20").replace("&", "%26").replace("=", "%3D");
	}

	private String randomJson(int depth) {
		int kind = this.random.nextInt((depth > 2) ? 6 : 9);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> this.random.nextBoolean() ? "true" : "false";
			case 2 -> pick(List.of("0", "-1", "1e309", "9999999999999999999999", "3.5", "-0"));
			case 3, 4, 5 -> JSON.writeValueAsString(pick(VALUES));
			case 6 -> {
				List<String> items = new ArrayList<>();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					items.add(randomJson(depth + 1));
				}
				yield "[" + String.join(",", items) + "]";
			}
			default -> {
				Set<String> fields = new LinkedHashSet<>();
				for (int i = this.random.nextInt(7); i > 0; i--) {
					fields.add(JSON.writeValueAsString(pick(JSON_KEYS)) + ":" + randomJson(depth + 1));
				}
				String object = "{" + String.join(",", fields) + "}";
				yield (this.random.nextInt(15) == 0) ? object.substring(0, object.length() / 2) : object;
			}
		};
	}

	private byte[] junk() {
		byte[] bytes = new byte[this.random.nextInt(10) == 0 ? 70 * 1024 : this.random.nextInt(300)];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private String fillPath(String template) {
		StringBuilder path = new StringBuilder();
		for (String part : template.split("(?=\\{)|(?<=\\})")) {
			path.append(part.startsWith("{") ? pick(PATH_VALUES) : part);
		}
		return path.toString();
	}

	/**
	 * Every operation of the OpenAPI description, the protocol endpoints and the pages.
	 */
	private List<String> targets() {
		List<String> targets = new ArrayList<>(PROTOCOL);
		targets.addAll(PAGES);
		String admin = bearer(adminToken());
		for (String group : List.of("admin", "public")) {
			Response description = this.http.get("/v3/api-docs/" + group, "Authorization", admin);
			assertThat(description.status()).as(description.body()).isEqualTo(200);
			description.json()
				.get("paths")
				.properties()
				.forEach((entry) -> entry.getValue()
					.properties()
					.forEach((operation) -> targets.add(operation.getKey().toUpperCase() + " " + entry.getKey())));
		}
		// Path variables never name a real client or user (see PATH_VALUES), and the
		// keys are rotated only without credentials.
		assertThat(targets).contains("DELETE /api/admin/invitations/{id}", "DELETE /api/session");
		return targets;
	}

	/** The credentials a request may carry, as header lines; null for none. */
	private List<String> authorizations() {
		List<String> headers = new ArrayList<>();
		headers.add(null);
		headers.add(null);
		headers.add("Authorization: Bearer " + adminToken() + "\r\n");
		headers.add("Authorization: " + basic("latchkey-admin", ADMIN_CLIENT_SECRET) + "\r\n");
		headers.add("Authorization: " + basic("latchkey-admin", "wrong") + "\r\n");
		headers.add("Authorization: " + basic("demo-app", "") + "\r\n");
		headers.add("Authorization: Bearer not.a.jwt\r\n");
		headers.add("Origin: http://127.0.0.1\r\nAccess-Control-Request-Method: POST\r\n");
		headers.add("Origin: %zz\r\nAccess-Control-Request-Method: PUT\r\n");
		Response session = this.http.postJson("/api/session", Map.of("username", "admin", "password", ADMIN_PASSWORD));
		assertThat(session.status()).as(session.body()).isEqualTo(200);
		String cookie = session.header("Set-Cookie").split(";")[0];
		headers
			.add("Authorization: Bearer " + session.json().get("token").asString() + "\r\nCookie: " + cookie + "\r\n");
		headers.add("Authorization: Bearer " + session.json().get("token").asString() + "\r\n");
		return headers;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String bare(String path) {
		int query = path.indexOf('?');
		return (query < 0) ? path : path.substring(0, query);
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String abbreviate(String body) {
		String line = body.replaceAll("\\s+", " ");
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

	private static Logger rootLogger() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	private record Request(String head, byte[] body) {

		String target() {
			String line = this.head.substring(0, this.head.indexOf("\r\n"));
			return line.substring(line.indexOf(' ') + 1, line.lastIndexOf(' '));
		}

	}

}
