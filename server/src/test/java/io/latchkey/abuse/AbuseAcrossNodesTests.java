package io.latchkey.abuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.LatchkeyApplication;
import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A second node on the same database: on PostgreSQL it sees the rate limits the first
 * node counted, through the limiter and through the sign-in form; on either database it
 * sees the locks the first node set, as a restarted node would.
 */
@AbuseTestSettings
class AbuseAcrossNodesTests extends ServerTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext secondNode;

	@Autowired
	RateLimiter limiter;

	@Autowired
	Lockouts lockouts;

	@Autowired
	UserAccounts users;

	@AfterAll
	static void stopSecondNode() {
		if (secondNode != null) {
			secondNode.close();
		}
	}

	@Test
	void aLimitReachedOnOneNodeHoldsOnTheOther() {
		assumeTrue(TestDatabase.isPostgres(), "on H2 each node keeps its buckets in memory");
		String key = "shared-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.consume("test-tight", key).allowed()).isTrue();
		}
		RateLimiter other = secondNode().getBean(RateLimiter.class);

		assertThat(other.check("test-tight", key).allowed()).isFalse();
		assertThat(other.consume("test-tight", key).allowed()).isFalse();
		assertThat(other.consume("test-tight", key).retryAfter().toSeconds()).isBetween(20 * 60L - 10, 20 * 60L);

		other.reset("test-tight", key);
		assertThat(this.limiter.check("test-tight", key).allowed()).isTrue();
	}

	@Test
	void attemptsThatFailOnOneNodeCountBeforeTheCheckOnTheOther() {
		assumeTrue(TestDatabase.isPostgres(), "on H2 each node keeps its buckets in memory");
		String key = "guessed-" + UUID.randomUUID();
		RateLimiter other = secondNode().getBean(RateLimiter.class);
		for (int i = 0; i < 3; i++) {
			RateLimiter.Attempt guess = this.limiter.attempt("test-tight", key);
			assertThat(guess.allowed()).isTrue();
			guess.failed();
		}
		assertThat(this.limiter.attempt("test-tight", key).allowed()).isFalse();

		assertThat(other.attempt("test-tight", key).allowed()).isFalse();
		assertThat(other.check("test-tight", key).allowed()).isFalse();
	}

	@Test
	void attemptsThatSucceedLeaveNothingInTheSharedTable() {
		assumeTrue(TestDatabase.isPostgres(), "on H2 each node keeps its buckets in memory");
		String key = "busy-client-" + UUID.randomUUID();
		for (int i = 0; i < 10; i++) {
			RateLimiter.Attempt attempt = this.limiter.attempt("test-tight", key);
			assertThat(attempt.allowed()).isTrue();
			attempt.succeeded();
		}
		assertThat(this.limiter.check("test-tight", key).allowed()).isTrue();
		RateLimiter.Attempt failure = this.limiter.attempt("test-tight", key);
		failure.failed();
		assertThat(secondNode().getBean(RateLimiter.class).check("test-tight", key).allowed()).isTrue();
		for (int i = 0; i < 2; i++) {
			this.limiter.attempt("test-tight", key).failed();
		}
		assertThat(secondNode().getBean(RateLimiter.class).check("test-tight", key).allowed()).isFalse();
	}

	@Test
	void wrongClientSecretsAtOneNodeSpendTheBudgetAtTheOther() {
		assumeTrue(TestDatabase.isPostgres(), "on H2 each node keeps its buckets in memory");
		TestHttp first = new TestHttp("http://127.0.0.1:" + this.port);
		try {
			for (int i = 0; i < 30; i++) {
				assertThat(clientCredentials(first, "wrong-secret-" + i).status()).isEqualTo(401);
			}

			int otherPort = ((WebServerApplicationContext) secondNode()).getWebServer().getPort();
			Response atTheOther = clientCredentials(new TestHttp("http://127.0.0.1:" + otherPort), ADMIN_CLIENT_SECRET);

			assertThat(atTheOther.status()).isEqualTo(429);
			assertThat(Long.parseLong(atTheOther.header("Retry-After"))).isPositive();
		}
		finally {
			this.limiter.reset("client-secret-ip", "latchkey-admin 127.0.0.1");
			this.limiter.reset("client-secret", "latchkey-admin");
		}
	}

	private static Response clientCredentials(TestHttp http, String secret) {
		return http.postForm("/oauth2/token", params("grant_type", "client_credentials", "scope", "latchkey:admin"),
				"Authorization", TestHttp.basic("latchkey-admin", secret));
	}

	@Test
	void failedSignInsOnOneNodeAreThrottledOnTheOther() {
		assumeTrue(TestDatabase.isPostgres(), "on H2 each node keeps its buckets in memory");
		String username = "roaming-" + UUID.randomUUID();
		this.users.create(new NewUserAccount(username, "the-right-password", null, null, Set.of(), null));
		TestHttp first = this.http.withCookies();
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(signIn(first, username, "wrong-" + attempt).header("Location")).endsWith("/login?error");
		}

		Response refused = signIn(http(secondNode()).withCookies(), username, "the-right-password");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3 * 60L);
		assertThat(refused.body()).contains("Too many failed sign-ins");
	}

	@Test
	void locksSetOnOneNodeHoldOnAnotherAndAfterARestart() {
		String link = UUID.randomUUID().toString();
		List<Boolean> locked = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			locked.add(this.lockouts.recordFailure("test-lock", link).locked());
		}
		assertThat(locked).containsExactly(false, false, false, false, true);
		Lockouts other = secondNode().getBean(Lockouts.class);

		assertThat(other.isLocked("test-lock", link)).isTrue();
		assertThat(other.recordFailure("test-lock", link).failures()).isEqualTo(6);

		other.reset("test-lock", link);
		assertThat(this.lockouts.isLocked("test-lock", link)).isFalse();
	}

	private static synchronized ConfigurableApplicationContext secondNode() {
		if (secondNode == null) {
			List<String> args = new ArrayList<>(
					List.of("--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
							"--spring.datasource.username=" + TestDatabase.username(), "--spring.datasource.password=",
							"--latchkey.bootstrap.admin-password=" + ADMIN_PASSWORD,
							"--latchkey.bootstrap.admin-client-secret=" + ADMIN_CLIENT_SECRET));
			args.addAll(List.of(AbuseTestConfiguration.settingsAsArguments()));
			secondNode = new SpringApplicationBuilder(LatchkeyApplication.class).profiles("test")
				.run(args.toArray(String[]::new));
		}
		return secondNode;
	}

	private static TestHttp http(ConfigurableApplicationContext node) {
		return new TestHttp("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort());
	}

	private static Response signIn(TestHttp browser, String username, String password) {
		Matcher csrf = CSRF.matcher(browser.get("/login", "Accept", "text/html").body());
		assertThat(csrf.find()).isTrue();
		return browser.postForm("/login", params("username", username, "password", password, "_csrf", csrf.group(1)),
				"Accept", "text/html");
	}

}
