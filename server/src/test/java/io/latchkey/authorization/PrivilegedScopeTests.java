package io.latchkey.authorization;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_REDIRECT_URI;
import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code latchkey:admin} and {@code roles} go only to people whose roles allow them,
 * whatever scopes the client was registered with; people are asked before a code client
 * gets access, and what they allowed can be withdrawn.
 */
class PrivilegedScopeTests extends ServerTestSupport {

	private static final String PASSWORD = "a long password for scopes";

	private static final String ADMIN_API = "/api/admin/clients/latchkey-admin";

	private static final String PRIVILEGED = "openid latchkey:admin roles patient/*.rs offline_access";

	private static final AtomicInteger IDS = new AtomicInteger();

	private final Map<String, String> userIds = new ConcurrentHashMap<>();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPatientSigningInToAClientRegisteredForTheAdminScopeGetsATokenTheAdminApiRefuses() {
		for (Boolean requireConsent : new Boolean[] { false, null }) {
			String clientId = patientApp(requireConsent);
			String patient = person("patient");
			AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);

			Response exchanged = flow
				.exchange(flow.authorize(clientId, DEMO_REDIRECT_URI, PRIVILEGED, patient, PASSWORD));

			assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
			Tokens tokens = Tokens.of(exchanged);
			assertThat(scopes(tokens.json())).contains("patient/*.rs", "openid")
				.doesNotContain("latchkey:admin", "roles");
			assertThat(JwtParts.claims(tokens.accessToken()).toString()).doesNotContain("latchkey:admin")
				.doesNotContain("\"roles\"");
			assertThat(this.http.get(ADMIN_API, "Authorization", bearer(tokens.accessToken())).status()).isEqualTo(403);
			Response refreshed = flow.refresh(clientId, tokens.refreshToken());
			assertThat(refreshed.status()).isEqualTo(200);
			assertThat(scopes(refreshed.json())).doesNotContain("latchkey:admin");
			Response asked = this.http.postForm("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token",
					Tokens.of(refreshed).refreshToken(), "client_id", clientId, "scope", "latchkey:admin"));
			assertThat(asked.status()).isEqualTo(400);
			if (requireConsent == null) {
				assertThat(flow.consentPages()).as("consent is asked by default").isEqualTo(1);
				assertThat(flow.lastConsentPage()).contains("patient/*.rs").doesNotContain("latchkey:admin");
			}
			else {
				assertThat(flow.consentPages()).isZero();
			}
		}
	}

	@Test
	void anAdminThroughTheSameClientGetsTheAdminScope() {
		String clientId = patientApp(false);
		Tokens tokens = Tokens.of(new AuthorizationCodeFlow(this.http).exchange(new AuthorizationCodeFlow(this.http)
			.authorize(clientId, DEMO_REDIRECT_URI, PRIVILEGED, "admin", ADMIN_PASSWORD)));

		assertThat(scopes(tokens.json())).contains("latchkey:admin", "roles");
		assertThat(JwtParts.claims(tokens.accessToken()).get("roles").get(0).asString()).isEqualTo("admin");
		assertThat(this.http.get(ADMIN_API, "Authorization", bearer(tokens.accessToken())).status()).isEqualTo(200);
	}

	@Test
	void aRefreshAfterTheAdminRoleWasTakenAwayCarriesNoAdminScope() {
		String clientId = patientApp(false);
		String former = person("admin");
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = Tokens
			.of(flow.exchange(flow.authorize(clientId, DEMO_REDIRECT_URI, PRIVILEGED, former, PASSWORD)));
		assertThat(scopes(tokens.json())).contains("latchkey:admin");

		this.jdbc.sql("UPDATE latchkey_user SET roles = ? WHERE username = ?").params("patient", former).update();
		Response refreshed = flow.refresh(clientId, tokens.refreshToken());

		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(scopes(refreshed.json())).contains("patient/*.rs").doesNotContain("latchkey:admin", "roles");
		assertThat(this.http.get(ADMIN_API, "Authorization", bearer(refreshed.json().get("access_token").asString()))
			.status()).isEqualTo(403);
	}

	@Test
	void staffGetTheRolesScopeButNotTheAdminScope() {
		String clientId = patientApp(false);
		String nurse = person("staff");
		Tokens tokens = Tokens.of(new AuthorizationCodeFlow(this.http).exchange(new AuthorizationCodeFlow(this.http)
			.authorize(clientId, DEMO_REDIRECT_URI, PRIVILEGED, nurse, PASSWORD)));

		assertThat(scopes(tokens.json())).contains("roles").doesNotContain("latchkey:admin");
		assertThat(this.http.get(ADMIN_API, "Authorization", bearer(tokens.accessToken())).status()).isEqualTo(403);
	}

	@Test
	void anInvitationCodeForAPatientCarriesNoAdminScope() {
		String clientId = patientApp(false);
		Response invited = this.http.postJson("/api/admin/invitations",
				Map.of("client_id", clientId, "subject", "invited-" + UUID.randomUUID(), "patient", "pat-77"),
				"Authorization", bearer(adminToken()));
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		String link = invited.json().get("link").asString();
		JsonNode redeemed = this.http
			.postJson("/api/invitation", Map.of("secret", link.substring(link.indexOf("link=") + 5)))
			.json();

		Response exchanged = new AuthorizationCodeFlow(this.http)
			.exchange(new Authorization(clientId, redeemed.get("redirect_uri").asString(),
					redeemed.get("code").asString(), redeemed.get("code_verifier").asString()));

		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		assertThat(scopes(exchanged.json())).contains("patient/*.rs").doesNotContain("latchkey:admin", "roles");
		assertThat(this.http.get(ADMIN_API, "Authorization", bearer(exchanged.json().get("access_token").asString()))
			.status()).isEqualTo(403);
	}

	@Test
	void withdrawingAConsentMakesTheNextAuthorizationAskAgain() {
		String username = person("patient");
		String userId = this.userIds.get(username);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		flow.authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, "openid patient/*.rs", username, PASSWORD);
		flow.authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, "openid patient/*.rs", username, PASSWORD);
		assertThat(flow.consentPages()).as("the second time the remembered consent counts").isEqualTo(1);

		Response revoked = this.http.delete("/api/admin/users/" + userId + "/consents/" + DEMO_CLIENT, "Authorization",
				bearer(adminToken()));

		assertThat(revoked.status()).isEqualTo(204);
		flow.authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, "openid patient/*.rs", username, PASSWORD);
		assertThat(flow.consentPages()).isEqualTo(2);
		Response again = this.http.delete("/api/admin/users/" + userId + "/consents/no-such-client", "Authorization",
				bearer(adminToken()));
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.http
			.delete("/api/admin/users/" + UUID.randomUUID() + "/consents/" + DEMO_CLIENT, "Authorization",
					bearer(adminToken()))
			.status()).isEqualTo(404);
		String patientToken = Tokens
			.of(new AuthorizationCodeFlow(this.http).exchange(new AuthorizationCodeFlow(this.http)
				.authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, "openid patient/*.rs", username, PASSWORD)))
			.accessToken();
		assertThat(this.http
			.delete("/api/admin/users/" + userId + "/consents/" + DEMO_CLIENT, "Authorization", bearer(patientToken))
			.status()).isEqualTo(403);
	}

	@Test
	void clientsAskPeopleByDefaultAndFirstPartyAppsMayOptOut() {
		String asking = patientApp(null);
		String firstParty = patientApp(false);
		String machine = "machine-" + IDS.incrementAndGet();
		this.http.postJson("/api/admin/clients",
				Map.of("client_id", machine, "client_name", "Machine", "type", "confidential", "grant_types",
						List.of("client_credentials"), "scopes", List.of("system/*.rs")),
				"Authorization", bearer(adminToken()));

		assertThat(requireConsent(asking)).isTrue();
		assertThat(requireConsent(firstParty)).isFalse();
		assertThat(requireConsent(machine)).isFalse();
	}

	private boolean requireConsent(String clientId) {
		return this.http.get("/api/admin/clients/" + clientId, "Authorization", bearer(adminToken()))
			.json()
			.get("require_consent")
			.asBoolean();
	}

	/** A public code client registered with every scope, privileged ones included. */
	private String patientApp(Boolean requireConsent) {
		String clientId = "scoped-app-" + IDS.incrementAndGet();
		Map<String, Object> body = new LinkedHashMap<>(Map.of("client_id", clientId, "client_name", "Scoped app",
				"type", "public", "redirect_uris", List.of("http://127.0.0.1/callback"), "grant_types",
				List.of("authorization_code", "refresh_token"), "scopes",
				List.of("openid", "latchkey:admin", "roles", "patient/*.rs", "offline_access")));
		if (requireConsent != null) {
			body.put("require_consent", requireConsent);
		}
		Response created = this.http.postJson("/api/admin/clients", body, "Authorization", bearer(adminToken()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return clientId;
	}

	private String person(String role) {
		String username = role + "-" + IDS.incrementAndGet() + "-" + UUID.randomUUID();
		Response created = this.http.postJson("/api/admin/users",
				Map.of("username", username, "password", PASSWORD, "roles", List.of(role)), "Authorization",
				bearer(adminToken()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.userIds.put(username, created.json().get("id").asString());
		return username;
	}

	private static List<String> scopes(JsonNode tokenResponse) {
		return Arrays.asList(tokenResponse.get("scope").asString().split(" "));
	}

}
