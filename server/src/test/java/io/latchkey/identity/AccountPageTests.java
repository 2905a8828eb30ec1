package io.latchkey.identity;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who signs in at the login page with nothing to return to lands on a page that
 * says who they are; an anonymous browser at {@code /} is sent to the login page.
 */
class AccountPageTests extends ServerTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Test
	void signingInWithNothingToReturnToLandsOnTheAccountPage() {
		this.http.postJson("/api/admin/users",
				Map.of("username", "page.person", "password", "a long page password", "roles", List.of("patient")),
				"Authorization", bearer(adminToken()));
		TestHttp browser = this.http.withCookies();

		Response login = browser.get("/login");
		Matcher csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).isTrue();
		Response signedIn = browser.post("/login", "application/x-www-form-urlencoded", TestHttp
			.form(Map.of("username", "page.person", "password", "a long page password", "_csrf", csrf.group(1))));

		assertThat(signedIn.status()).isEqualTo(302);
		String landing = signedIn.header("Location");
		Response page = browser.get(landing);
		assertThat(page.status()).as(landing).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("page.person").contains("latchkey.css");
	}

	@Test
	void anonymousBrowserAtTheRootIsSentToTheLoginPage() {
		Response response = this.http.withCookies().get("/");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

}
