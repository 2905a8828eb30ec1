package io.latchkey.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_REDIRECT_URI;
import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real flows through the server leave the security events they should in the audit log,
 * with who, from where and with what, and never a secret.
 */
class AuditEventsTests extends ServerTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PASSWORD = "correct horse battery staple";

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditChainer chainer;

	@Autowired
	AuditChain chain;

	@Test
	void flowsAreRecordedWithoutAnySecret() {
		List<String> secrets = new ArrayList<>(List.of(PASSWORD, ADMIN_CLIENT_SECRET, ADMIN_PASSWORD));
		String agent = "audit-test-agent/" + UUID.randomUUID();
		String person = "person-" + UUID.randomUUID();
		// Tokens and sign-ins name a local account by its id, which no one else
		// ever gets.
		String subject = this.accounts.create(new NewUserAccount(person, PASSWORD, null, null, Set.of(), null))
			.id()
			.toString();

		Response credentials = this.http.postForm("/oauth2/token",
				params("grant_type", "client_credentials", "scope", "latchkey:admin"), "Authorization",
				basic("latchkey-admin", ADMIN_CLIENT_SECRET), "User-Agent", agent);
		String adminToken = credentials.json().get("access_token").asString();
		secrets.add(adminToken);

		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization code = flow.authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, "openid offline_access", person, PASSWORD);
		secrets.addAll(List.of(code.code(), code.codeVerifier()));
		Tokens first = Tokens.of(flow.exchange(code));
		secrets.addAll(first.values());
		Tokens second = Tokens.of(flow.refresh(DEMO_CLIENT, first.refreshToken()));
		secrets.addAll(second.values());
		assertThat(flow.refresh(DEMO_CLIENT, first.refreshToken()).status()).isEqualTo(400);

		assertThat(this.http
			.postForm("/oauth2/revoke", params("token", adminToken), "Authorization",
					basic("latchkey-admin", ADMIN_CLIENT_SECRET))
			.status()).isEqualTo(200);
		String wrongSecret = "not-the-secret-" + UUID.randomUUID();
		secrets.add(wrongSecret);
		assertThat(this.http
			.postForm("/oauth2/token", params("grant_type", "client_credentials"), "Authorization",
					basic("latchkey-admin", wrongSecret))
			.status()).isEqualTo(401);
		String wrongPassword = "wrong password " + UUID.randomUUID();
		secrets.add(wrongPassword);
		assertThat(signIn(person, wrongPassword, agent).header("Location")).endsWith("/login?error");
		assertThat(signIn(person, PASSWORD, agent).header("Location")).doesNotContain("error");

		Map<String, String> created = administer(secrets);

		this.chainer.chainPending();
		assertRecorded("token.issued", "latchkey-admin", "latchkey-admin", "success", agent);
		assertRecorded("token.issued", DEMO_CLIENT, subject, "success", null);
		assertRecorded("token.refreshed", DEMO_CLIENT, subject, "success", null);
		assertRecorded("token.reuse_detected", DEMO_CLIENT, subject, "failure", null);
		assertRecorded("token.revoked", "latchkey-admin", "latchkey-admin", "success", null);
		assertRecorded("client.authentication", "latchkey-admin", "latchkey-admin", "failure", null);
		assertRecorded("login", person, person, "failure", agent);
		assertRecorded("login", subject, subject, "success", agent);
		assertRecorded("client.created", "latchkey-admin", created.get("client"), "success", null);
		assertRecorded("client.deleted", "latchkey-admin", created.get("client"), "success", null);
		assertRecorded("user.created", "latchkey-admin", created.get("user"), "success", null);
		assertRecorded("user.deleted", "latchkey-admin", created.get("user"), "success", null);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'client.authentication' AND detail LIKE ?")
			.param("%ProviderNotFound%")
			.query(Long.class)
			.single()).as("one record per refused client, not a second from the parent manager").isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'key.rotated' AND actor = ?")
			.param("latchkey-admin")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);

		List<String> rows = this.jdbc.sql("SELECT * FROM audit_event").query((rs, n) -> {
			StringBuilder row = new StringBuilder();
			for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
				row.append(rs.getString(column)).append('|');
			}
			return row.toString();
		}).list();
		for (String secret : secrets) {
			assertThat(rows).as("no audit record holds a secret").noneMatch((row) -> row.contains(secret));
		}
		assertThat(this.chain.verify().valid()).isTrue();
	}

	/** Creates and deletes a client and a user, rotates the keys; returns the names. */
	private Map<String, String> administer(List<String> secrets) {
		String token = adminToken();
		secrets.add(token);
		String clientId = "audited-" + UUID.randomUUID();
		Response client = this.http.postJson("/api/admin/clients",
				Map.of("client_id", clientId, "client_name", "Audited", "type", "confidential", "redirect_uris",
						List.of(), "grant_types", List.of("client_credentials"), "scopes", List.of("read")),
				"Authorization", bearer(token));
		assertThat(client.status()).as(client.body()).isEqualTo(201);
		secrets.add(client.json().get("client_secret").asString());
		assertThat(this.http.delete("/api/admin/clients/" + clientId, "Authorization", bearer(token)).status())
			.isEqualTo(204);
		String username = "audited-" + UUID.randomUUID();
		String userPassword = "a user password " + UUID.randomUUID();
		secrets.add(userPassword);
		Response user = this.http.postJson("/api/admin/users",
				Map.of("username", username, "password", userPassword, "roles", List.of()), "Authorization",
				bearer(token));
		assertThat(user.status()).isEqualTo(201);
		assertThat(
				this.http.delete("/api/admin/users/" + user.json().get("id").asString(), "Authorization", bearer(token))
					.status())
			.isEqualTo(204);
		assertThat(this.http.postForm("/api/admin/keys/rotate", Map.of(), "Authorization", bearer(token)).status())
			.isEqualTo(200);
		return Map.of("client", clientId, "user", user.json().get("id").asString());
	}

	private void assertRecorded(String type, String actor, String subject, String outcome, String agent) {
		List<Map<String, Object>> found = this.jdbc
			.sql("SELECT * FROM audit_event WHERE event_type = ? AND actor = ? AND subject = ? AND outcome = ?")
			.params(type, actor, subject, outcome)
			.query()
			.listOfRows();
		assertThat(found).as(type + " by " + actor + " about " + subject).isNotEmpty();
		assertThat(found).as(type + " client_ip").allMatch((record) -> "127.0.0.1".equals(record.get("client_ip")));
		if (agent != null) {
			assertThat(found).as(type + " user_agent").anyMatch((record) -> agent.equals(record.get("user_agent")));
		}
	}

	private Response signIn(String username, String password, String agent) {
		TestHttp browser = this.http.withCookies();
		Matcher csrf = CSRF.matcher(browser.get("/login", "Accept", "text/html").body());
		assertThat(csrf.find()).isTrue();
		return browser.postForm("/login", params("username", username, "password", password, "_csrf", csrf.group(1)),
				"Accept", "text/html", "User-Agent", agent);
	}

}
