package io.latchkey.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.shared.Secrets;
import io.latchkey.test.Concurrently;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing through both doors, the login page and {@code /api/session}: parallel
 * guesses get exactly the budget of one account and address, the rest {@code 429}; a
 * stranger spending that budget does not lock the owner out elsewhere; and a forged
 * {@code X-Forwarded-For} does not make a new address.
 */
@Import(SignInGuessingTests.CheckedPasswords.class)
// Fifty parallel sign-ins for one account queue on its bucket's row;
// on a busy machine the wait for a pooled connection can pass the
// default 3 s and answer 503 instead of 429.
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=30000")
class SignInGuessingTests extends ServerTestSupport {

	private static final int BUDGET = 5;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final AtomicInteger IDS = new AtomicInteger();

	@Autowired
	UserAccounts users;

	@Autowired
	CheckedPasswords checked;

	@Test
	void fiftyParallelWrongPasswordsOnTheLoginPageAreCheckedOnlyUpToTheBudget() throws Exception {
		String username = account();
		List<TestHttp> browsers = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			TestHttp browser = this.http.withCookies();
			Matcher csrf = CSRF.matcher(browser.get("/login", "Accept", "text/html").body());
			assertThat(csrf.find()).isTrue();
			browsers.add(browser);
			tokens.add(csrf.group(1));
		}

		List<Response> answers = Concurrently.run(50,
				(i) -> browsers.get(i)
					.postForm("/login", params("username", username, "password", "wrong-" + i, "_csrf", tokens.get(i)),
							"Accept", "text/html"));

		assertThat(this.checked.of(username)).isEqualTo(BUDGET);
		assertThat(answers).filteredOn((answer) -> answer.status() == 302).hasSize(BUDGET);
		assertThat(answers).filteredOn((answer) -> answer.status() == 429)
			.hasSize(50 - BUDGET)
			.allSatisfy((answer) -> assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive());
	}

	@Test
	void fiftyParallelWrongPasswordsAtTheSessionApiAreCheckedOnlyUpToTheBudget() throws Exception {
		String username = account();

		List<Response> answers = Concurrently.run(50,
				(i) -> this.http.postJson("/api/session", Map.of("username", username, "password", "wrong-" + i)));

		assertThat(this.checked.of(username)).isEqualTo(BUDGET);
		assertThat(answers).filteredOn((answer) -> answer.status() == 401).hasSize(BUDGET);
		assertThat(answers).filteredOn((answer) -> answer.status() == 429)
			.hasSize(50 - BUDGET)
			.allSatisfy((answer) -> assertThat(answer.header("Retry-After")).isNotNull());
	}

	@Test
	void bothDoorsShareOneBudgetAndEvenTheRightPasswordWaits() {
		String username = account();
		for (int i = 0; i < BUDGET; i++) {
			TestHttp door = (i % 2 == 0) ? this.http : this.http.withCookies();
			if (i % 2 == 0) {
				assertThat(apiSignIn(door, username, "wrong").status()).isEqualTo(401);
			}
			else {
				assertThat(pageSignIn(door, username, "wrong").header("Location")).endsWith("/login?error");
			}
		}
		assertThat(pageSignIn(this.http.withCookies(), username, PASSWORD).status()).isEqualTo(429);
		assertThat(apiSignIn(this.http, username, PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void aSuccessClearsTheAccountsFailuresFromThatAddress() {
		String username = account();
		for (int i = 0; i < BUDGET - 1; i++) {
			assertThat(apiSignIn(this.http, username, "wrong").status()).isEqualTo(401);
		}
		assertThat(apiSignIn(this.http, username, PASSWORD).status()).isEqualTo(200);
		for (int i = 0; i < BUDGET - 1; i++) {
			assertThat(apiSignIn(this.http, username, "wrong").status()).isEqualTo(401);
		}
		assertThat(apiSignIn(this.http, username, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aStrangerSpendingTheBudgetFromOneAddressDoesNotLockTheOwnerOutElsewhere() {
		String username = account();
		TestHttp stranger = new TestHttp("http://127.0.0.1:" + this.port);
		TestHttp owner = new TestHttp("http://[::1]:" + this.port);
		for (int i = 0; i <= BUDGET; i++) {
			apiSignIn(stranger, username, "wrong-" + i);
		}
		assertThat(apiSignIn(stranger, username, PASSWORD).status()).isEqualTo(429);

		assertThat(apiSignIn(owner, username, PASSWORD).status()).isEqualTo(200);
		assertThat(pageSignIn(owner.withCookies(), username, PASSWORD).header("Location")).doesNotContain("error");
	}

	@Test
	void aForgedForwardedForFromAnUntrustedPeerIsNotANewAddress() {
		String username = account();
		for (int i = 0; i < BUDGET; i++) {
			assertThat(apiSignIn(this.http, username, "wrong-" + i, "X-Forwarded-For", randomAddress()).status())
				.isEqualTo(401);
		}
		Response refused = pageSignIn(this.http.withCookies(), username, PASSWORD, "X-Forwarded-For", randomAddress());

		assertThat(refused.status()).isEqualTo(429);
		assertThat(apiSignIn(this.http, username, PASSWORD, "X-Forwarded-For", randomAddress()).status())
			.isEqualTo(429);
		assertThat(this.checked.of(username)).isEqualTo(BUDGET);
	}

	private static final String PASSWORD = "the right password for guessing tests";

	private String account() {
		String username = "guessed-" + IDS.incrementAndGet() + "-" + System.nanoTime();
		this.users.create(new NewUserAccount(username, PASSWORD, null, null, Set.of(), null));
		return username;
	}

	private static Response apiSignIn(TestHttp http, String username, String password, String... headers) {
		return http.postJson("/api/session", Map.of("username", username, "password", password), headers);
	}

	private static Response pageSignIn(TestHttp browser, String username, String password, String... headers) {
		Matcher csrf = CSRF.matcher(browser.get("/login", "Accept", "text/html").body());
		assertThat(csrf.find()).isTrue();
		String[] all = new String[headers.length + 2];
		all[0] = "Accept";
		all[1] = "text/html";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return browser.postForm("/login", params("username", username, "password", password, "_csrf", csrf.group(1)),
				all);
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "203.0." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	/** Counts the passwords actually checked and found wrong, by account. */
	@TestConfiguration(proxyBeanMethods = false)
	static class CheckedPasswords {

		private final List<StaffSignInFailed> failures = new CopyOnWriteArrayList<>();

		@EventListener
		void on(StaffSignInFailed event) {
			this.failures.add(event);
		}

		long of(String username) {
			String hash = Secrets.sha256Hex(username);
			return this.failures.stream().filter((failure) -> failure.usernameHash().equals(hash)).count();
		}

	}

}
