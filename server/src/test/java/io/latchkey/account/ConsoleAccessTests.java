package io.latchkey.account;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.shared.Secrets;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what in the console, through real HTTP: staff create and revoke links and
 * get {@code 403} everywhere else, patients get {@code 403} everywhere, anonymous
 * browsers are sent to sign in, forms without their CSRF token are refused, and a person
 * can disconnect only their own apps.
 */
class ConsoleAccessTests extends ServerTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final String[] HTML = { "Accept", "text/html" };

	private static final List<String> ADMIN_PAGES = List.of("/console/clients", "/console/users", "/console/keys",
			"/console/outbox", "/console/audit", "/console/data-links/00000000-0000-0000-0000-000000000000");

	@Test
	void staffReachLinksOnlyAndGetForbiddenElsewhere() {
		Browser staff = signedIn("staff");

		assertThat(staff.get("/console").status()).isEqualTo(302);
		Response invitations = staff.get("/console/invitations");
		assertThat(invitations.status()).isEqualTo(200);
		assertThat(invitations.body()).contains("<html lang=\"en\"").doesNotContain("/console/clients");
		assertThat(staff.get("/console/data-links").status()).isEqualTo(200);
		for (String page : ADMIN_PAGES) {
			Response refused = staff.get(page);
			assertThat(refused.status()).as(page).isEqualTo(403);
			assertThat(refused.body()).as(page).contains("You are not allowed to open this page.");
		}
		Response rotate = staff.post("/console/keys/rotate", params("alg", "ES256"), invitations.body());
		assertThat(rotate.status()).isEqualTo(403);
		Response client = staff.post("/console/clients",
				params("clientName", "sneaky", "type", "confidential", "grantTypes", "client_credentials"),
				invitations.body());
		assertThat(client.status()).isEqualTo(403);
		assertThat(this.http.get("/api/admin/clients/sneaky", "Authorization", bearer(adminToken())).status())
			.isEqualTo(404);
	}

	@Test
	void patientsGetForbiddenInTheWholeConsole() {
		Browser patient = signedIn("patient");

		for (String page : List.of("/console/invitations", "/console/data-links", "/console/clients")) {
			assertThat(patient.get(page).status()).as(page).isEqualTo(403);
		}
		assertThat(patient.get("/account").status()).isEqualTo(200);
	}

	@Test
	void anonymousBrowsersAreSentToSignIn() {
		Response response = this.http.withCookies().get("/console/invitations", HTML);

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@Test
	void formsWithoutTheirCsrfTokenAreRefused() {
		Browser admin = new Browser(this.http.withCookies());
		admin.signIn("admin", ADMIN_PASSWORD);

		Response forged = admin.browser()
			.postForm("/console/users",
					params("username", "forged." + Secrets.random(4).toLowerCase(), "roles", "admin"), HTML);

		assertThat(forged.status()).isEqualTo(403);
		Response again = admin.browser()
			.postForm("/console/keys/rotate", params("alg", "ES256", "_csrf", "not-the-token"), HTML);
		assertThat(again.status()).isEqualTo(403);
	}

	@Test
	void aRefusedFormReturnsToItsPageWithTheReason() {
		Browser admin = signedIn("admin");
		Response page = admin.get("/console/users");

		Response refused = admin.post("/console/users", params("username", "x y", "password", "short"), page.body());

		assertThat(refused.status()).isEqualTo(303);
		assertThat(refused.header("Location")).endsWith("/console/users");
		Response shown = admin.get("/console/users");
		assertThat(shown.body()).contains("username is required").doesNotContain("short");
	}

	@Test
	void aPersonCannotDisconnectSomeoneElsesApp() {
		Browser other = signedIn("patient");
		Response page = other.get("/account");

		Response response = other.post("/account/apps/revoke", params("client_id", "demo-app"), page.body());

		assertThat(response.status()).isEqualTo(302);
		assertThat(other.get("/account").body()).contains("There was nothing to disconnect.");
	}

	private Browser signedIn(String role) {
		String username = role + "." + Secrets.random(6).toLowerCase();
		String password = "console-access-" + username;
		Response created = this.http.postJson("/api/admin/users",
				Map.of("username", username, "password", password, "roles", List.of(role)), "Authorization",
				bearer(adminToken()));
		assertThat(created.status()).isEqualTo(201);
		Browser browser = new Browser(this.http.withCookies());
		browser.signIn(username, password);
		return browser;
	}

	/**
	 * A browser's cookie jar, signed in on the login page.
	 */
	private record Browser(TestHttp browser) {

		void signIn(String username, String password) {
			Response login = this.browser.get("/login", HTML);
			Response signedIn = this.browser.postForm("/login",
					params("username", username, "password", password, "_csrf", csrf(login.body())), HTML);
			assertThat(signedIn.status()).isEqualTo(302);
			assertThat(signedIn.header("Location")).doesNotContain("error");
		}

		Response get(String path) {
			return this.browser.get(path, HTML);
		}

		/** Posts a form with the CSRF token of a page this session was shown. */
		Response post(String path, Map<String, String> form, String page) {
			Map<String, String> withToken = new java.util.LinkedHashMap<>(form);
			withToken.put("_csrf", csrf(page));
			return this.browser.postForm(path, withToken, HTML);
		}

		private static String csrf(String html) {
			Matcher matcher = CSRF.matcher(html);
			assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
			return matcher.group(1);
		}

	}

}
