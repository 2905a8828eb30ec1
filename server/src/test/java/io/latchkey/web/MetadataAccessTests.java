package io.latchkey.web;

import java.util.List;
import java.util.Map;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * By default metrics and the API description are for admins: an anonymous caller, a
 * person's session and a token without {@code latchkey:admin} learn nothing; health stays
 * public for load balancers.
 */
class MetadataAccessTests extends ServerTestSupport {

	static final List<String> METADATA = List.of("/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/admin",
			"/swagger-ui/index.html", "/swagger-ui.html");

	@Test
	void strangersGetNeitherMetricsNorTheApiDescription() {
		for (String path : METADATA) {
			Response anonymous = this.http.get(path);
			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(anonymous.body()).as(path).doesNotContain("http_server_requests").doesNotContain("openapi");
			assertThat(this.http.get(path, "Authorization", "Bearer not-a-token").status()).as(path).isEqualTo(401);
		}
		assertThat(this.http.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void aTokenWithoutTheAdminScopeIsRefusedAndAnAdminSessionIsAccepted() {
		Response client = this.http.postJson("/api/admin/clients",
				Map.of("client_name", "Metrics curious", "type", "confidential", "grant_types",
						List.of("client_credentials"), "scopes", List.of("system/*.rs")),
				"Authorization", bearer(adminToken()));
		String token = this.http.clientCredentialsToken(client.json().get("client_id").asString(),
				client.json().get("client_secret").asString(), "system/*.rs");
		for (String path : METADATA) {
			assertThat(this.http.get(path, "Authorization", bearer(token)).status()).as(path).isEqualTo(403);
		}

		Response session = this.http.postJson("/api/session", Map.of("username", "admin", "password", ADMIN_PASSWORD));
		String cookie = session.header("Set-Cookie").split(";", 2)[0];
		Response metrics = this.http.get("/actuator/prometheus", "Authorization",
				bearer(session.json().get("token").asString()), "Cookie", cookie);

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds");
	}

}
