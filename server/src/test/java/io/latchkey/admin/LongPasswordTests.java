package io.latchkey.admin;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords longer than bcrypt's 72 bytes: refused with a problem detail where they are
 * set, and a plain failed sign-in where they are tried; never a {@code 500}.
 */
class LongPasswordTests extends ServerTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** 40 characters, but 80 bytes in UTF-8. */
	private static final String MULTIBYTE = "é".repeat(40);

	@Autowired
	UserAccounts users;

	@Test
	void theAdminApiRefusesPasswordsOverSeventyTwoBytes() {
		String admin = bearer(adminToken());
		for (String password : new String[] { "p".repeat(100), "p".repeat(73), MULTIBYTE }) {
			Response refused = this.http.postJson("/api/admin/users",
					Map.of("username", "long.password." + password.length(), "password", password), "Authorization",
					admin);

			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().get("code").asString()).isEqualTo("invalid-request");
			assertThat(refused.body()).doesNotContain(password);
		}
		assertThat(this.http
			.postJson("/api/admin/users", Map.of("username", "exactly.72", "password", "p".repeat(72)), "Authorization",
					admin)
			.status()).isEqualTo(201);
	}

	@Test
	void aLongPasswordAtTheSessionApiIsAWrongPassword() {
		this.users.create(new NewUserAccount("long.session", "a-normal-password", null, null, Set.of(), null));

		for (String username : new String[] { "long.session", "nobody.at.all" }) {
			for (String password : new String[] { "p".repeat(100), MULTIBYTE }) {
				Response refused = this.http.postJson("/api/session",
						Map.of("username", username, "password", password));
				assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
			}
		}
	}

	@Test
	void aLongPasswordOnTheLoginPageIsAWrongPassword() {
		this.users.create(new NewUserAccount("long.login", "a-normal-password", null, null, Set.of(), null));
		TestHttp browser = this.http.withCookies();

		Response refused = signIn(browser, "long.login", "p".repeat(200));

		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location")).endsWith("/login?error");
		assertThat(signIn(browser, "long.login", MULTIBYTE).header("Location")).endsWith("/login?error");
	}

	private static Response signIn(TestHttp browser, String username, String password) {
		Matcher csrf = CSRF.matcher(browser.get("/login", "Accept", "text/html").body());
		assertThat(csrf.find()).isTrue();
		return browser.postForm("/login", params("username", username, "password", password, "_csrf", csrf.group(1)),
				"Accept", "text/html");
	}

}
