package io.latchkey.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.authorization.JwtParts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_REDIRECT_URI;
import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts that are deleted or disabled take their grants with them, and a username given
 * to someone else never inherits the previous person's grants: attacks through the
 * running server.
 */
class AccountRevocationTests extends ServerTestSupport {

	private static final String SCOPE = "openid profile offline_access";

	private static final String PASSWORD = "a long patient password";

	private static final String CALLBACK = "http://127.0.0.1/callback";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	JdbcClient jdbc;

	@Test
	void deletedPatientsRefreshTokenNeverYieldsTokensOfTheNewPersonWithTheSameUsername() {
		String username = "jdoe-" + UUID.randomUUID().toString().substring(0, 8);
		String firstId = createUser(username, "123", List.of("patient"));
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = flow.signIn(username, PASSWORD, SCOPE);
		JsonNode access = JwtParts.claims(tokens.accessToken());
		assertThat(access.get("sub").asString()).isEqualTo(firstId);
		assertThat(access.get("preferred_username").asString()).isEqualTo(username);
		assertThat(access.get("patient").asString()).isEqualTo("123");
		assertThat(JwtParts.claims(tokens.idToken()).get("sub").asString()).isEqualTo(firstId);

		assertThat(this.http.delete("/api/admin/users/" + firstId, "Authorization", bearer(adminToken())).status())
			.isEqualTo(204);
		String secondId = createUser(username, "456", List.of("patient"));
		assertThat(secondId).isNotEqualTo(firstId);

		Response refreshed = flow.refresh(DEMO_CLIENT, tokens.refreshToken());
		assertThat(refreshed.status()).isEqualTo(400);
		assertThat(refreshed.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(refreshed.body()).doesNotContain("456");
		assertThat(flow.refresh(DEMO_CLIENT, tokens.refreshToken()).status()).isEqualTo(400);
		assertThat(isActive(tokens.accessToken())).isFalse();
		assertThat(grantsOf(firstId)).isZero();

		Tokens newcomer = flow.signIn(username, PASSWORD, SCOPE);
		JsonNode newcomerAccess = JwtParts.claims(newcomer.accessToken());
		assertThat(newcomerAccess.get("sub").asString()).isEqualTo(secondId);
		assertThat(newcomerAccess.get("patient").asString()).isEqualTo("456");
	}

	@Test
	void disablingRefusesRefreshSessionsAndIntrospectionAtOnceAndEnablingRestoresNothingOld() {
		String username = "disabled-" + UUID.randomUUID().toString().substring(0, 8);
		String id = createUser(username, null, List.of("staff"));
		String clientId = consentingClient();
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = Tokens.of(flow.exchange(flow.authorize(clientId, CALLBACK, SCOPE, username, PASSWORD)));
		assertThat(consentsOf(id)).isOne();
		Response session = startSession(username);
		assertThat(session.status()).isEqualTo(200);
		TestHttp browser = this.http.withCookies();
		assertThat(formSignIn(browser, username).header("Location")).doesNotContain("error");
		assertThat(authorizeInBrowser(browser).header("Location")).doesNotEndWith("/login");

		Response disabled = this.http.patchJson("/api/admin/users/" + id, Map.of("enabled", false), "Authorization",
				bearer(adminToken()));
		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

		Response refreshed = flow.refresh(clientId, tokens.refreshToken());
		assertThat(refreshed.status()).isEqualTo(400);
		assertThat(refreshed.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(isActive(tokens.accessToken())).isFalse();
		assertThat(isActive(tokens.refreshToken())).isFalse();
		assertThat(this.http.post("/api/session/renewal", null, "", sessionHeaders(session)).status()).isEqualTo(401);
		assertThat(authorizeInBrowser(browser).header("Location")).endsWith("/login");
		assertThat(startSession(username).status()).isEqualTo(401);
		assertThat(consentsOf(id)).isZero();

		Response enabled = this.http.patchJson("/api/admin/users/" + id, Map.of("enabled", true), "Authorization",
				bearer(adminToken()));
		assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
		assertThat(flow.refresh(clientId, tokens.refreshToken()).status()).isEqualTo(400);
		assertThat(this.http.post("/api/session/renewal", null, "", sessionHeaders(session)).status()).isEqualTo(401);
		assertThat(flow.refresh(DEMO_CLIENT, flow.signIn(username, PASSWORD, SCOPE).refreshToken()).status())
			.isEqualTo(200);
	}

	@Test
	void deletingAnAdminEndsTheirSessionsAtTheAdminApiAndAtRenewal() {
		String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
		String id = createUser(username, null, List.of("admin"));
		Response session = startSession(username);
		assertThat(this.http.get("/api/admin/clients/latchkey-admin", sessionHeaders(session)).status()).isEqualTo(200);

		assertThat(this.http.delete("/api/admin/users/" + id, "Authorization", bearer(adminToken())).status())
			.isEqualTo(204);

		assertThat(this.http.get("/api/admin/clients/latchkey-admin", sessionHeaders(session)).status()).isEqualTo(401);
		assertThat(this.http.post("/api/session/renewal", null, "", sessionHeaders(session)).status()).isEqualTo(401);
		createUser(username, null, List.of("admin"));
		assertThat(this.http.get("/api/admin/clients/latchkey-admin", sessionHeaders(session)).status()).isEqualTo(401);
	}

	@Test
	void invitationOfADeletedPersonCannotBeRedeemedForTheNewPersonWithTheSameUsername() {
		String username = "invited-" + UUID.randomUUID().toString().substring(0, 8);
		Response invited = this.http.postJson("/api/admin/invitations",
				Map.of("client_id", DEMO_CLIENT, "subject", username, "patient", "123"), "Authorization",
				bearer(adminToken()));
		assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
		String link = invited.json().get("link").asString();
		String firstId = this.http
			.get("/api/admin/invitations?subject=" + username, "Authorization", bearer(adminToken()))
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		assertThat(firstId).isNotBlank();
		String accountId = this.jdbc.sql("SELECT CAST(id AS varchar(36)) FROM latchkey_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();

		assertThat(this.http.delete("/api/admin/users/" + accountId, "Authorization", bearer(adminToken())).status())
			.isEqualTo(204);
		createUser(username, "456", List.of("patient"));

		Response redeemed = this.http.postJson("/api/invitation",
				Map.of("secret", link.substring(link.indexOf("link=") + "link=".length())));
		assertThat(redeemed.status()).isEqualTo(400);
		assertThat(redeemed.json().get("error").asString()).isEqualTo("invalid_invitation");
	}

	@Test
	void enablingTakesOnlyABooleanAndUnknownAccountsAre404() {
		String id = createUser("toggle-" + UUID.randomUUID().toString().substring(0, 8), null, List.of());
		Response notBoolean = this.http.patchJson("/api/admin/users/" + id, Map.of("enabled", "no"), "Authorization",
				bearer(adminToken()));
		assertThat(notBoolean.status()).isEqualTo(400);
		Response nothing = this.http.patchJson("/api/admin/users/" + id, Map.of(), "Authorization",
				bearer(adminToken()));
		assertThat(nothing.status()).isEqualTo(400);
		Response unknown = this.http.patchJson("/api/admin/users/" + UUID.randomUUID(), Map.of("enabled", false),
				"Authorization", bearer(adminToken()));
		assertThat(unknown.status()).isEqualTo(404);
	}

	/** A public client that asks for consent, which the person's approval remembers. */
	private String consentingClient() {
		String clientId = "consenting-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_id", clientId, "client_name", "Consenting app", "type", "public", "redirect_uris",
						List.of(CALLBACK), "grant_types", List.of("authorization_code", "refresh_token"), "scopes",
						List.of("openid", "profile", "offline_access"), "require_consent", true),
				"Authorization", bearer(adminToken()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return clientId;
	}

	private String createUser(String username, String patient, List<String> roles) {
		Map<String, Object> body = new java.util.LinkedHashMap<>(
				Map.of("username", username, "password", PASSWORD, "roles", roles));
		if (patient != null) {
			body.put("patient", patient);
		}
		Response created = this.http.postJson("/api/admin/users", body, "Authorization", bearer(adminToken()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private Response startSession(String username) {
		return this.http.postJson("/api/session", Map.of("username", username, "password", PASSWORD));
	}

	private static String[] sessionHeaders(Response session) {
		return new String[] { "Authorization", bearer(session.json().get("token").asString()), "Cookie",
				session.header("Set-Cookie").split(";", 2)[0] };
	}

	private static Response formSignIn(TestHttp browser, String username) {
		Matcher csrf = CSRF.matcher(browser.get("/login").body());
		assertThat(csrf.find()).isTrue();
		return browser.postForm("/login", params("username", username, "password", PASSWORD, "_csrf", csrf.group(1)));
	}

	/**
	 * An authorization request in the browser: a signed-in person is not sent to log in.
	 */
	private static Response authorizeInBrowser(TestHttp browser) {
		String query = TestHttp.form(params("response_type", "code", "client_id", DEMO_CLIENT, "redirect_uri",
				DEMO_REDIRECT_URI, "scope", "openid", "state", "s", "code_challenge",
				"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256"));
		return browser.get("/oauth2/authorize?" + query, "Accept", "text/html");
	}

	private boolean isActive(String token) {
		Response response = this.http.postForm("/oauth2/introspect", params("token", token), "Authorization",
				basic("latchkey-admin", ADMIN_CLIENT_SECRET));
		return response.json().get("active").asBoolean();
	}

	private int grantsOf(String subject) {
		return this.jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization WHERE principal_name = ?")
			.param(subject)
			.query(Integer.class)
			.single();
	}

	private int consentsOf(String subject) {
		return this.jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization_consent WHERE principal_name = ?")
			.param(subject)
			.query(Integer.class)
			.single();
	}

}
