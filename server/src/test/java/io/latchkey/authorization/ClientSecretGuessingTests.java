package io.latchkey.authorization;

import java.util.List;
import java.util.Map;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.test.AuditRecords;
import io.latchkey.test.Concurrently;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online guessing of a client secret at the token endpoint: only the budget of one client
 * and address is checked, the rest get {@code 429} with {@code Retry-After} and an RFC
 * 6749 {@code invalid_client} body, even for the right secret; from another address the
 * right secret still works.
 */
class ClientSecretGuessingTests extends ServerTestSupport {

	private static final int BUDGET = 30;

	@Autowired
	RateLimiter limiter;

	@AfterEach
	void forgetTheGuesses() {
		for (String address : List.of("127.0.0.1", "0:0:0:0::/64")) {
			this.limiter.reset(ClientSecretGuard.CLIENT_AT_ADDRESS, "latchkey-admin " + address);
		}
		this.limiter.reset(ClientSecretGuard.CLIENT, "latchkey-admin");
	}

	@Test
	void sixtyWrongSecretsInARowAreCheckedOnlyUpToTheBudget() throws Exception {
		TestHttp attacker = new TestHttp("http://127.0.0.1:" + this.port);
		long checkedBefore = checkedFailures();

		for (int i = 0; i < 60; i++) {
			Response answer = token(attacker, "wrong-secret-" + i);
			if (i < BUDGET) {
				assertThat(answer.status()).isEqualTo(401);
			}
			else {
				assertThat(answer.status()).isEqualTo(429);
				assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
				assertThat(answer.json().get("error").asString()).isEqualTo("invalid_client");
			}
		}

		assertThat(checkedFailures() - checkedBefore).isEqualTo(BUDGET);
		assertThat(token(attacker, ADMIN_CLIENT_SECRET).status()).isEqualTo(429);
		assertThat(token(new TestHttp("http://[::1]:" + this.port), ADMIN_CLIENT_SECRET).status()).isEqualTo(200);
	}

	@Test
	void parallelWrongSecretsAreCheckedOnlyUpToTheBudget() throws Exception {
		TestHttp attacker = new TestHttp("http://127.0.0.1:" + this.port);
		long checkedBefore = checkedFailures();

		List<Response> answers = Concurrently.run(60, (i) -> token(attacker, "parallel-wrong-" + i));

		assertThat(checkedFailures() - checkedBefore).isEqualTo(BUDGET);
		assertThat(answers).filteredOn((answer) -> answer.status() == 401).hasSize(BUDGET);
		assertThat(answers).filteredOn((answer) -> answer.status() == 429).hasSize(60 - BUDGET);
	}

	@Test
	void rightSecretsDoNotUseUpTheBudget() {
		for (int i = 0; i < BUDGET + 10; i++) {
			assertThat(token(this.http, ADMIN_CLIENT_SECRET).status()).isEqualTo(200);
		}
	}

	private static Response token(TestHttp http, String secret) {
		return http.postForm("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "latchkey:admin"),
				"Authorization", TestHttp.basic("latchkey-admin", secret));
	}

	/** Audit records of client secrets that were checked and found wrong. */
	private static long checkedFailures() throws Exception {
		AuditRecords.awaitChained();
		try (var connection = TestDatabase.connect();
				var statement = connection.prepareStatement("SELECT COUNT(*) FROM audit_event "
						+ "WHERE event_type = 'client.authentication' AND subject = 'latchkey-admin' "
						+ "AND detail LIKE '%invalid_client%'")) {
			var rows = statement.executeQuery();
			rows.next();
			return rows.getLong(1);
		}
	}

}
