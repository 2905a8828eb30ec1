package io.latchkey.web;

import java.time.Duration;
import java.time.Instant;

import io.latchkey.test.Node;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TcpProxy;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A node whose PostgreSQL goes away answers 503 (readiness and endpoints alike) with no
 * stack trace, and serves again by itself once the database is back.
 */
@Tag("database")
class DatabaseOutageTests {

	@Test
	void nodeAnswers503WhileTheDatabaseIsAwayAndRecoversByItself() {
		assumeTrue(TestDatabase.isPostgres(), "needs a database server to take away");
		String direct = TestDatabase.url();
		try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
			String viaProxy = direct.replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port());
			try (Node node = Node.start(viaProxy, TestDatabase.username(), "latchkey.bootstrap.demo-client", "false")) {
				TestHttp http = node.http;
				String adminToken = node.adminToken();
				assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

				proxy.cut();

				assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
				assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
				Response token = http.postForm("/oauth2/token", params("grant_type", "client_credentials"),
						"Authorization", basic("latchkey-admin", ServerTestSupport.ADMIN_CLIENT_SECRET));
				assertThat(token.status()).isEqualTo(503);
				assertThat(token.header("Retry-After")).isNotBlank();
				assertThat(token.json().get("error").asString()).isEqualTo("temporarily_unavailable");
				// Clients are cached for a few seconds; a user lookup always
				// needs the database.
				Response admin = http.get("/api/admin/users/00000000-0000-0000-0000-000000000001", "Authorization",
						bearer(adminToken));
				assertThat(admin.status()).isEqualTo(503);
				assertThat(admin.json().get("code").asString()).isEqualTo("service-unavailable");
				assertThat(admin.body()).doesNotContain("Exception");

				proxy.restore();

				Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
				int status;
				do {
					status = http
						.postForm("/oauth2/token", params("grant_type", "client_credentials"), "Authorization",
								basic("latchkey-admin", ServerTestSupport.ADMIN_CLIENT_SECRET))
						.status();
				}
				while (status != 200 && Instant.now().isBefore(deadline));
				assertThat(status).isEqualTo(200);
				assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
			}
		}
	}

}
