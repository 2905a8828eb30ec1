package io.latchkey.web;

import java.net.http.HttpRequest;
import java.util.stream.Stream;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.latchkey.test.TestHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests at every kind of endpoint get a clear 4xx in the endpoint's error
 * format (RFC 6749 at OAuth endpoints, RFC 9457 on Latchkey's own), never a 500.
 */
class MalformedRequestTests extends ServerTestSupport {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String JSON = "application/json";

	private static final String BIG = "x".repeat(70 * 1024);

	enum Auth {

		NONE, ADMIN_CLIENT_BASIC, ADMIN_BEARER

	}

	static Stream<Arguments> oauthRequests() {
		return Stream.of(
				// path, content type, body, auth, expected status, expected error
				Arguments.of("/oauth2/token", FORM, "", Auth.ADMIN_CLIENT_BASIC, 400, "invalid_request"),
				Arguments.of("/oauth2/token", FORM, "grant_type=client_credentials&grant_type=client_credentials",
						Auth.ADMIN_CLIENT_BASIC, 400, "invalid_request"),
				Arguments.of("/oauth2/token", FORM, "grant_type=password&username=a&password=b",
						Auth.ADMIN_CLIENT_BASIC, 400, "unsupported_grant_type"),
				Arguments.of("/oauth2/token", FORM, "grant_type=authorization_code&code=abc&redirect_uri=x",
						Auth.ADMIN_CLIENT_BASIC, 400, "invalid_grant"),
				Arguments.of("/oauth2/token", FORM, "grant_type=refresh_token&refresh_token=nope",
						Auth.ADMIN_CLIENT_BASIC, 400, "invalid_grant"),
				Arguments.of("/oauth2/token", FORM, "grant_type=client_credentials", Auth.NONE, 401, "invalid_client"),
				Arguments.of("/oauth2/token", FORM,
						"grant_type=refresh_token&refresh_token=x&client_id=demo-app&client_id=demo-app", Auth.NONE,
						400, "invalid_request"),
				// RFC 7636 §4.6: a public client without its verifier has a bad grant,
				// not bad credentials.
				Arguments.of("/oauth2/token", FORM, "grant_type=authorization_code&code=x&client_id=demo-app",
						Auth.NONE, 400, "invalid_grant"),
				Arguments.of("/oauth2/token", FORM,
						"grant_type=authorization_code&code=x&client_id=demo-app&code_verifier=abc", Auth.NONE, 400,
						"invalid_grant"),
				Arguments.of("/oauth2/token", JSON, "{\"grant_type\":\"client_credentials\"}", Auth.ADMIN_CLIENT_BASIC,
						400, "invalid_request"),
				Arguments.of("/oauth2/token", FORM, "grant_type=client_credentials&scope=" + BIG,
						Auth.ADMIN_CLIENT_BASIC, 413, "invalid_request"),
				Arguments.of("/oauth2/introspect", FORM, "", Auth.ADMIN_CLIENT_BASIC, 400, "invalid_request"),
				Arguments.of("/oauth2/introspect", FORM, "token=a&token=b", Auth.ADMIN_CLIENT_BASIC, 400,
						"invalid_request"),
				Arguments.of("/oauth2/introspect", FORM, "token=abc", Auth.NONE, 401, "invalid_client"),
				Arguments.of("/oauth2/revoke", FORM, "", Auth.ADMIN_CLIENT_BASIC, 400, "invalid_request"),
				Arguments.of("/oauth2/revoke", FORM, "token=a&token=b", Auth.ADMIN_CLIENT_BASIC, 400,
						"invalid_request"),
				Arguments.of("/oauth2/revoke", FORM, "token=abc", Auth.NONE, 401, "invalid_client"));
	}

	@ParameterizedTest(name = "{0} {2} → {4} {5}")
	@MethodSource("oauthRequests")
	void oauthEndpointsAnswerRfc6749Errors(String path, String contentType, String body, Auth auth, int status,
			String error) {
		Response response = send(path, contentType, body, auth);

		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.json().get("error").asString()).isEqualTo(error);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	static Stream<Arguments> apiRequests() {
		return Stream.of(
				Arguments.of("/api/admin/clients", JSON, "{not json", Auth.ADMIN_BEARER, 400, "invalid-request"),
				Arguments.of("/api/admin/clients", JSON, "[1,2,3]", Auth.ADMIN_BEARER, 400, "invalid-request"),
				Arguments.of("/api/admin/clients", JSON, "", Auth.ADMIN_BEARER, 400, "invalid-request"),
				Arguments.of("/api/admin/clients", JSON, "{\"type\":\"public\",\"grant_types\":\"authorization_code\"}",
						Auth.ADMIN_BEARER, 400, "invalid-request"),
				Arguments.of("/api/admin/clients", JSON, "{\"token_settings\":{\"access_token_ttl\":\"soon\"}}",
						Auth.ADMIN_BEARER, 400, "invalid-request"),
				Arguments.of("/api/admin/clients", JSON, "{}", Auth.ADMIN_BEARER, 400, "invalid-client-registration"),
				Arguments.of("/api/admin/clients", "text/plain", "client_name=x", Auth.ADMIN_BEARER, 415,
						"unsupported-media-type"),
				Arguments.of("/api/admin/clients", JSON, "{\"client_name\":\"" + BIG + "\"}", Auth.ADMIN_BEARER, 413,
						"request-too-large"),
				Arguments.of("/api/admin/users", JSON, "{\"username\":null}", Auth.ADMIN_BEARER, 400,
						"invalid-request"),
				Arguments.of("/api/admin/users", JSON, "{\"username\":\"x\",\"password\":\"short\"}", Auth.ADMIN_BEARER,
						400, "invalid-request"),
				Arguments.of("/api/admin/users", JSON, "{\"username\":\"x y\"}", Auth.ADMIN_BEARER, 400,
						"invalid-request"),
				Arguments.of("/api/admin/users", JSON, "{\"username\":\"ok\",\"roles\":[\"Admin!\"]}",
						Auth.ADMIN_BEARER, 400, "invalid-request"),
				Arguments.of("/api/admin/users", JSON, "{\"username\":\"ok\",\"roles\":\"admin\"}", Auth.ADMIN_BEARER,
						400, "invalid-request"));
	}

	@ParameterizedTest(name = "{0} {2} → {4} {5}")
	@MethodSource("apiRequests")
	void latchkeyEndpointsAnswerProblemDetails(String path, String contentType, String body, Auth auth, int status,
			String code) {
		Response response = send(path, contentType, body, auth);

		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo(code);
		assertThat(response.json().get("type").asString()).isEqualTo("https://latchkey.io/problems/" + code);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("adminPaths")
	void wrongPathsAndMethodsAreProblemsToo(String method, String path, int status) {
		HttpRequest request = this.http.request(path, "Authorization", "Bearer " + adminToken())
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		Response response = this.http.send(request);

		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	static Stream<Arguments> adminPaths() {
		return Stream.of(Arguments.of("GET", "/api/admin/users/not-a-uuid", 400),
				Arguments.of("GET", "/api/admin/clients/does-not-exist", 404),
				Arguments.of("DELETE", "/api/admin/users/00000000-0000-0000-0000-000000000000", 404),
				Arguments.of("PATCH", "/api/admin/clients", 405), Arguments.of("GET", "/api/admin/nothing-here", 404));
	}

	private Response send(String path, String contentType, String body, Auth auth) {
		return switch (auth) {
			case NONE -> this.http.post(path, contentType, body);
			case ADMIN_CLIENT_BASIC ->
				this.http.post(path, contentType, body, "Authorization", basic("latchkey-admin", ADMIN_CLIENT_SECRET));
			case ADMIN_BEARER -> this.http.post(path, contentType, body, "Authorization", "Bearer " + adminToken());
		};
	}

}
