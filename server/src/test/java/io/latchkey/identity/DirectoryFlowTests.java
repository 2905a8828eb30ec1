package io.latchkey.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.authorization.JwtParts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDirectory;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directory accounts through the running server: the login page and OAuth flows, the
 * session API and the admin API, next to local accounts, and with the directory down.
 */
@Import(DirectoryFlowTests.RecordedEvents.class)
class DirectoryFlowTests extends ServerTestSupport {

	private static final TestDirectory directory = TestDirectory.start();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String REDIRECT_URI = "http://127.0.0.1:53682/callback";

	@Autowired
	RecordedEvents events;

	@Autowired
	UserAccounts users;

	@Autowired
	RateLimiter limiter;

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry registry) {
		directory.register(registry);
	}

	@AfterAll
	static void stopDirectory() {
		directory.stop();
	}

	@Test
	void directoryStaffSignInToAnOAuthClientWithTheirEntryUuidAsSubjectAndTheirRoles() {
		registerClient("staff-console");
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization code = flow.authorize("staff-console", REDIRECT_URI, "openid roles", "alice",
				TestDirectory.PASSWORDS.get("alice"));
		Tokens tokens = Tokens.of(flow.exchange(code));

		String subject = directory.entryUuid("alice");
		JsonNode access = JwtParts.claims(tokens.accessToken());
		assertThat(access.get("sub").asString()).isEqualTo(subject);
		assertThat(access.get("roles").get(0).asString()).isEqualTo("admin");
		assertThat(JwtParts.claims(tokens.idToken()).get("sub").asString()).isEqualTo(subject);

		Response refreshed = flow.refresh("staff-console", tokens.refreshToken());
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		JsonNode again = JwtParts.claims(refreshed.json().get("access_token").asString());
		assertThat(again.get("sub").asString()).isEqualTo(subject);
		assertThat(again.get("roles").get(0).asString()).isEqualTo("admin");
		assertThat(this.events.of(StaffSignedIn.class)).anySatisfy((signedIn) -> assertThat(signedIn)
			.extracting(StaffSignedIn::subject, StaffSignedIn::username, StaffSignedIn::directory)
			.containsExactly(subject, "alice", "ldap"));
	}

	@Test
	void directoryAdminsSessionOpensTheAdminApiAndStaffsDoesNot() {
		Response alice = startSession("alice", TestDirectory.PASSWORDS.get("alice"));
		Response bob = startSession("bob", TestDirectory.PASSWORDS.get("bob"));

		JsonNode claims = JwtParts.claims(alice.json().get("token").asString());
		assertThat(claims.get("sub").asString()).isEqualTo(directory.entryUuid("alice"));
		assertThat(claims.get("preferred_username").asString()).isEqualTo("alice");
		assertThat(claims.get("directory").asString()).isEqualTo("ldap");
		assertThat(this.http.get("/api/admin/clients/latchkey-admin", sessionHeaders(alice)).status()).isEqualTo(200);
		assertThat(this.http.get("/api/admin/clients/latchkey-admin", sessionHeaders(bob)).status()).isEqualTo(403);
	}

	@Test
	void wrongDirectoryPasswordAndUnmappedPeopleAreRefusedOnBothDoors() {
		for (String[] attempt : new String[][] { { "alice", "wrong" },
				{ "carol", TestDirectory.PASSWORDS.get("carol") } }) {
			Response api = this.http.postJson("/api/session", Map.of("username", attempt[0], "password", attempt[1]));
			assertThat(api.status()).isEqualTo(401);
			assertThat(api.json().get("code").asString()).isEqualTo("invalid-credentials");
			Response page = formSignIn(this.http.withCookies(), attempt[0], attempt[1]);
			assertThat(page.status()).isEqualTo(302);
			assertThat(page.header("Location")).endsWith("/login?error");
		}
	}

	@Test
	void directoryDownIsA503WithAClearMessageWhileLocalAccountsKeepWorking() {
		directory.stop();
		try {
			Response api = this.http.postJson("/api/session",
					Map.of("username", "alice", "password", TestDirectory.PASSWORDS.get("alice")));
			assertThat(api.status()).isEqualTo(503);
			assertThat(api.header("Retry-After")).isNotNull();
			assertThat(api.json().get("code").asString()).isEqualTo("directory-unavailable");
			assertThat(api.body()).doesNotContain("Exception").doesNotContain("ldap://");

			Response page = formSignIn(this.http.withCookies(), "alice", TestDirectory.PASSWORDS.get("alice"));
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.body()).contains("directory cannot be reached").contains("name=\"password\"");

			assertThat(startSession("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
			assertThat(this.events.of(DirectoryUnavailable.class)).isNotEmpty();
		}
		finally {
			directory.restart();
		}
		assertThat(startSession("alice", TestDirectory.PASSWORDS.get("alice")).status()).isEqualTo(200);
	}

	@Test
	void aDirectoryOutageNeverLiftsTheLimits() {
		String local = "outage-" + System.nanoTime();
		this.users.create(new NewUserAccount(local, "the right local password", null, null, Set.of(), null));
		directory.stop();
		try {
			Response page = formSignIn(this.http.withCookies(), local, "a wrong password");
			assertThat(page.status()).isEqualTo(302);
			assertThat(page.header("Location")).endsWith("/login?error");
			for (int i = 1; i < 5; i++) {
				Response api = startSession(local, "a wrong password");
				assertThat(api.status()).isEqualTo(401);
				assertThat(api.json().get("code").asString()).isEqualTo("invalid-credentials");
			}
			assertThat(startSession(local, "the right local password").status()).isEqualTo(429);

			for (int i = 0; i < 5; i++) {
				Response api = startSession("dave", "any password at all");
				assertThat(api.status()).isEqualTo(503);
				assertThat(api.json().get("code").asString()).isEqualTo("directory-unavailable");
			}
			Response refused = startSession("dave", TestDirectory.PASSWORDS.get("dave"));
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.header("Retry-After")).isNotNull();
		}
		finally {
			directory.restart();
			forget("dave");
		}
	}

	private void forget(String username) {
		for (String address : List.of("127.0.0.1", "0:0:0:0::/64")) {
			this.limiter.reset(SignInLimits.ACCOUNT_AT_ADDRESS, username + " " + address);
			this.limiter.reset(SignInLimits.ADDRESS, address);
		}
		this.limiter.reset(SignInLimits.ACCOUNT, username);
	}

	private Response startSession(String username, String password) {
		return this.http.postJson("/api/session", Map.of("username", username, "password", password));
	}

	private static String[] sessionHeaders(Response session) {
		String setCookie = session.header("Set-Cookie");
		return new String[] { "Authorization", bearer(session.json().get("token").asString()), "Cookie",
				setCookie.split(";", 2)[0] };
	}

	private static Response formSignIn(TestHttp browser, String username, String password) {
		Matcher csrf = CSRF.matcher(browser.get("/login").body());
		assertThat(csrf.find()).isTrue();
		return browser.postForm("/login", params("username", username, "password", password, "_csrf", csrf.group(1)));
	}

	private void registerClient(String clientId) {
		Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_id", clientId, "client_name", "Staff console", "type", "public", "redirect_uris",
						List.of("http://127.0.0.1/callback"), "grant_types",
						List.of("authorization_code", "refresh_token"), "scopes", List.of("openid", "roles")),
				"Authorization", bearer(adminToken()));
		assertThat(created.status()).as(created.toString()).isIn(201, 409);
	}

	/**
	 * Latchkey's own events, as the audit log would receive them.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordedEvents {

		private final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(Object event) {
			if (event.getClass().getName().startsWith("io.latchkey.")) {
				this.events.add(event);
			}
		}

		<T> List<T> of(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

}
