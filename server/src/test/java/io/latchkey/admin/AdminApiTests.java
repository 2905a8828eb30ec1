package io.latchkey.admin;

import java.util.List;
import java.util.Map;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

class AdminApiTests extends ServerTestSupport {

	@Test
	void confidentialClientIsCreatedWithAGeneratedSecretThatWorksAtTheTokenEndpoint() {
		Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_id", "lab-results", "client_name", "Lab results", "type", "confidential", "grant_types",
						List.of("client_credentials"), "scopes", List.of("labs.read"), "token_settings",
						Map.of("access_token_ttl", 300)),
				"Authorization", bearer(adminToken()));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/admin/clients/lab-results");
		String secret = created.json().get("client_secret").asString();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(43);

		Response token = this.http.postForm("/oauth2/token",
				params("grant_type", "client_credentials", "scope", "labs.read"), "Authorization",
				basic("lab-results", secret));
		assertThat(token.status()).isEqualTo(200);
		assertThat(token.json().get("expires_in").asLong()).isBetween(295L, 300L);

		Response described = this.http.get("/api/admin/clients/lab-results", "Authorization", bearer(adminToken()));
		assertThat(described.status()).isEqualTo(200);
		assertThat(described.body()).doesNotContain(secret).doesNotContain("\"client_secret\"");
		assertThat(described.json().get("type").asString()).isEqualTo("confidential");
		assertThat(described.json().get("token_settings").get("access_token_ttl").asLong()).isEqualTo(300);
	}

	@Test
	void aUserBodyBreakingItsRulesIsOneProblemNamingTheFieldsButNoValue() {
		Map<String, Object> body = Map.of("username", "has space 4711", "email", "no-address-4711", "roles",
				List.of("Role-4711"), "patient", "p/4711", "phone", "+1 555 0100");

		Response refused = this.http.postJson("/api/admin/users", body, "Authorization", bearer(adminToken()));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).isEqualTo("https://latchkey.io/problems/invalid-request");
		assertThat(refused.json().get("code").asString()).isEqualTo("invalid-request");
		assertThat(refused.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("email", "patient", "roles", "username");
		assertThat(refused.body()).doesNotContain("4711");
	}

	@Test
	void storedClientSecretIsAKeyedHashNotTheSecret() throws Exception {
		Response created = this.http.postJson(
				"/api/admin/clients", Map.of("client_id", "hash-check", "client_name", "Hash check", "type",
						"confidential", "grant_types", List.of("client_credentials"), "scopes", List.of("a")),
				"Authorization", bearer(adminToken()));
		String secret = created.json().get("client_secret").asString();

		try (var connection = io.latchkey.test.TestDatabase.connect();
				var statement = connection
					.prepareStatement("SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?")) {
			statement.setString(1, "hash-check");
			var rs = statement.executeQuery();
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).startsWith("{hmac-sha256}").doesNotContain(secret);
		}
	}

	@Test
	void deletedClientCanNoLongerGetTokens() {
		String secret = this.http
			.postJson("/api/admin/clients",
					Map.of("client_id", "short-lived", "client_name", "Short", "type", "confidential", "grant_types",
							List.of("client_credentials"), "scopes", List.of("x")),
					"Authorization", bearer(adminToken()))
			.json()
			.get("client_secret")
			.asString();

		assertThat(this.http.delete("/api/admin/clients/short-lived", "Authorization", bearer(adminToken())).status())
			.isEqualTo(204);
		assertThat(this.http.get("/api/admin/clients/short-lived", "Authorization", bearer(adminToken())).status())
			.isEqualTo(404);
		Response token = this.http.postForm("/oauth2/token", params("grant_type", "client_credentials"),
				"Authorization", basic("short-lived", secret));
		assertThat(token.status()).isEqualTo(401);
	}

	@Test
	void publicClientGetsNoSecretAndNeedsARedirectUri() {
		Response noRedirect = this.http.postJson("/api/admin/clients",
				Map.of("client_name", "App", "type", "public", "grant_types", List.of("authorization_code")),
				"Authorization", bearer(adminToken()));
		assertThat(noRedirect.status()).isEqualTo(400);
		assertThat(noRedirect.json().get("code").asString()).isEqualTo("invalid-client-registration");

		Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_name", "App", "type", "public", "grant_types",
						List.of("authorization_code", "refresh_token"), "redirect_uris",
						List.of("com.example.app:/callback"), "scopes", List.of("openid")),
				"Authorization", bearer(adminToken()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().has("client_secret")).isFalse();
		assertThat(created.json().get("client_id").asString()).isNotBlank();
	}

	@Test
	void unsafeRegistrationsAreRefused() {
		List<Map<String, Object>> refused = List.of(
				Map.of("client_name", "x", "type", "public", "grant_types", List.of("client_credentials")),
				Map.of("client_name", "x", "type", "public", "grant_types", List.of("authorization_code"),
						"redirect_uris", List.of("http://evil.example/callback")),
				Map.of("client_name", "x", "type", "public", "grant_types", List.of("authorization_code"),
						"redirect_uris", List.of("https://app.example/cb#fragment")),
				Map.of("client_name", "x", "type", "confidential", "grant_types", List.of("implicit")),
				Map.of("client_name", "x", "type", "root", "grant_types", List.of("client_credentials")),
				Map.of("client_name", "x", "type", "confidential", "grant_types", List.of("client_credentials"),
						"token_settings", Map.of("access_token_ttl", 86400)),
				Map.of("client_id", "bad id with spaces", "client_name", "x", "type", "confidential", "grant_types",
						List.of("client_credentials")));
		for (Map<String, Object> body : refused) {
			Response response = this.http.postJson("/api/admin/clients", body, "Authorization", bearer(adminToken()));
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void duplicateClientIdIsRefused() {
		Map<String, Object> body = Map.of("client_id", "twice", "client_name", "x", "type", "confidential",
				"grant_types", List.of("client_credentials"));
		assertThat(this.http.postJson("/api/admin/clients", body, "Authorization", bearer(adminToken())).status())
			.isEqualTo(201);
		assertThat(this.http.postJson("/api/admin/clients", body, "Authorization", bearer(adminToken())).status())
			.isEqualTo(400);
	}

	@Test
	void usersAreCreatedWithoutEchoingThePassword() {
		Response created = this.http.postJson(
				"/api/admin/users", Map.of("username", "nurse.jo", "password", "correct horse battery", "email",
						"jo@clinic.example", "roles", List.of("staff"), "patient", "pat-123"),
				"Authorization", bearer(adminToken()));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body()).doesNotContain("correct horse battery").doesNotContain("password");
		String id = created.json().get("id").asString();
		Response fetched = this.http.get("/api/admin/users/" + id, "Authorization", bearer(adminToken()));
		assertThat(fetched.json().get("username").asString()).isEqualTo("nurse.jo");
		assertThat(fetched.json().get("patient").asString()).isEqualTo("pat-123");

		Response again = this.http.postJson("/api/admin/users", Map.of("username", "nurse.jo"), "Authorization",
				bearer(adminToken()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("username-taken");

		assertThat(this.http.delete("/api/admin/users/" + id, "Authorization", bearer(adminToken())).status())
			.isEqualTo(204);
		assertThat(this.http.get("/api/admin/users/" + id, "Authorization", bearer(adminToken())).status())
			.isEqualTo(404);
	}

	@Test
	void adminApiNeedsTheAdminScope() {
		assertThat(this.http.get("/api/admin/clients/latchkey-admin").status()).isEqualTo(401);
		assertThat(this.http.get("/api/admin/clients/latchkey-admin", "Authorization", bearer("not-a-token")).status())
			.isEqualTo(401);

		String secret = this.http
			.postJson("/api/admin/clients",
					Map.of("client_id", "not-admin", "client_name", "x", "type", "confidential", "grant_types",
							List.of("client_credentials"), "scopes", List.of("reports")),
					"Authorization", bearer(adminToken()))
			.json()
			.get("client_secret")
			.asString();
		String otherToken = this.http.clientCredentialsToken("not-admin", secret, "reports");
		assertThat(this.http.get("/api/admin/clients/latchkey-admin", "Authorization", bearer(otherToken)).status())
			.isEqualTo(403);
	}

}
