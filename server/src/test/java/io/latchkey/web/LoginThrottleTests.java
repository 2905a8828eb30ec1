package io.latchkey.web;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests extends ServerTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	UserAccounts users;

	@Test
	void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
		this.users.create(new NewUserAccount("guessed.at", "the-right-password", null, null, Set.of(), null));
		TestHttp browser = this.http.withCookies();

		for (int attempt = 0; attempt < 5; attempt++) {
			Response wrong = signIn(browser, "guessed.at", "wrong-" + attempt);
			assertThat(wrong.status()).isEqualTo(302);
			assertThat(wrong.header("Location")).endsWith("/login?error");
		}
		Response refused = signIn(browser, "guessed.at", "the-right-password");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
		assertThat(refused.body()).contains("Too many failed sign-ins").contains("name=\"password\"");

		Response otherAccount = signIn(this.http.withCookies(), "admin", ADMIN_PASSWORD);
		assertThat(otherAccount.status()).isEqualTo(302);
		assertThat(otherAccount.header("Location")).doesNotContain("error");
	}

	@Test
	void browserSessionsLiveInTheDatabaseSoAnyNodeCanServeThem() throws Exception {
		Response signedIn = signIn(this.http.withCookies(), "admin", ADMIN_PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);

		try (var connection = TestDatabase.connect();
				var statement = connection
					.prepareStatement("SELECT COUNT(*) FROM spring_session WHERE principal_name = "
							+ "(SELECT CAST(id AS varchar(36)) FROM latchkey_user WHERE username = 'admin')")) {
			var rs = statement.executeQuery();
			rs.next();
			assertThat(rs.getInt(1)).isPositive();
		}
	}

	@Test
	void loginPageHasTheContractFieldsAndAStrictPolicy() {
		Response page = this.http.get("/login", "Accept", "text/html");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"username\"").contains("name=\"password\"");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

	private static Response signIn(TestHttp browser, String username, String password) {
		Matcher csrf = CSRF.matcher(browser.get("/login", "Accept", "text/html").body());
		assertThat(csrf.find()).isTrue();
		return browser.postForm("/login", params("username", username, "password", password, "_csrf", csrf.group(1)),
				"Accept", "text/html");
	}

}
