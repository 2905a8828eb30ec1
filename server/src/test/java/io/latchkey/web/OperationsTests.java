package io.latchkey.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators rely on: one access-log line per request that never carries a secret,
 * metrics, health probes, the OpenAPI description and protective headers.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTests extends ServerTestSupport {

	@Autowired
	UserAccounts users;

	@Test
	void logsNameEveryRequestButNoSecretOfAnyFlow(CapturedOutput output) {
		List<String> secrets = new ArrayList<>(List.of(ADMIN_CLIENT_SECRET, ADMIN_PASSWORD));
		this.users.create(new NewUserAccount("log.reader", "log-reader-password-1", null, null, Set.of(), "p-1"));
		secrets.add("log-reader-password-1");
		String adminToken = adminToken();
		secrets.add(adminToken);

		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization authorization = flow.authorize(AuthorizationCodeFlow.DEMO_CLIENT,
				AuthorizationCodeFlow.DEMO_REDIRECT_URI, "openid offline_access", "log.reader",
				"log-reader-password-1");
		secrets.add(authorization.code());
		secrets.add(authorization.codeVerifier());
		Tokens tokens = Tokens.of(flow.exchange(authorization));
		secrets.addAll(tokens.values());
		Tokens refreshed = Tokens.of(flow.refresh(AuthorizationCodeFlow.DEMO_CLIENT, tokens.refreshToken()));
		secrets.addAll(refreshed.values());
		// A replay and a reuse produce warnings: those must not carry the values either.
		flow.exchange(authorization);
		flow.refresh(AuthorizationCodeFlow.DEMO_CLIENT, tokens.refreshToken());
		this.http.postForm("/oauth2/revoke", params("token", refreshed.accessToken()), "Authorization",
				basic("latchkey-admin", ADMIN_CLIENT_SECRET));
		this.http.postJson("/api/admin/users", Map.of("username", "another.one", "password", "another-password-9"),
				"Authorization", bearer(adminToken));
		secrets.add("another-password-9");
		this.http.withCookies()
			.get("/oauth2/authorize?client_id=demo-app&code_challenge=leak-me-not-" + authorization.code());

		assertThat(output.getAll()).contains("POST /oauth2/token 200").contains("client=latchkey-admin");
		for (String secret : secrets) {
			assertThat(output.getAll()).as("a secret in the log").doesNotContain(secret);
		}
		assertThat(output.getAll()).doesNotContain("leak-me-not");
	}

	@Test
	void prometheusShowsRequestTimingsAndTokensByGrantToAdminsOnly() {
		String admin = bearer(adminToken());

		Response metrics = this.http.get("/actuator/prometheus", "Authorization", admin);

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds")
			.containsPattern("latchkey_tokens_issued_total\\{[^}]*grant_type=\"client_credentials\"");
		assertThat(this.http.get("/actuator/prometheus").status()).isEqualTo(401);
	}

	@Test
	void healthHasLivenessAndReadinessWithTheDatabase() {
		assertThat(this.http.get("/actuator/health/liveness").status()).isEqualTo(200);
		Response readiness = this.http.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void openApiDescribesTheAdminApiAsAdminOnly() {
		String token = bearer(adminToken());
		Response admin = this.http.get("/v3/api-docs/admin", "Authorization", token);

		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.json().get("paths").has("/api/admin/clients")).isTrue();
		assertThat(admin.json().get("paths").get("/api/admin/clients").get("post").get("security").toString())
			.contains("latchkey-admin");
		assertThat(this.http.get("/swagger-ui/index.html", "Authorization", token).status()).isEqualTo(200);
	}

	@Test
	void tokenResponsesAreNeverCachedAndEveryResponseIsHardened() {
		Response token = this.http.postForm("/oauth2/token",
				params("grant_type", "client_credentials", "scope", "latchkey:admin"), "Authorization",
				basic("latchkey-admin", ADMIN_CLIENT_SECRET));

		assertThat(token.header("Cache-Control")).contains("no-store");
		assertThat(token.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(token.header("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(this.http.get("/.well-known/openid-configuration").header("X-Content-Type-Options"))
			.isEqualTo("nosniff");
	}

}
