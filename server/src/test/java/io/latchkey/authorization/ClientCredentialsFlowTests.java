package io.latchkey.authorization;

import java.util.List;
import java.util.Map;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

class ClientCredentialsFlowTests extends ServerTestSupport {

	@Test
	void adminClientGetsAnEs256AccessTokenWithItsScope() {
		Response response = this.http.postForm("/oauth2/token",
				params("grant_type", "client_credentials", "scope", "latchkey:admin"), "Authorization",
				basic("latchkey-admin", ADMIN_CLIENT_SECRET));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
		assertThat(response.json().get("scope").asString()).isEqualTo("latchkey:admin");
		assertThat(JwtParts.header(response.json().get("access_token").asString())).contains("\"ES256\"");
	}

	@Test
	void wrongSecretIsInvalidClient() {
		Response response = this.http.postForm("/oauth2/token", params("grant_type", "client_credentials"),
				"Authorization", basic("latchkey-admin", ADMIN_CLIENT_SECRET + "x"));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void unknownClientIsInvalidClient() {
		Response response = this.http.postForm("/oauth2/token", params("grant_type", "client_credentials"),
				"Authorization", TestHttp.basic("nobody", "whatever"));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void scopeTheClientDoesNotHaveIsInvalidScope() {
		Response response = this.http.postForm("/oauth2/token",
				params("grant_type", "client_credentials", "scope", "openid"), "Authorization",
				basic("latchkey-admin", ADMIN_CLIENT_SECRET));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_scope");
	}

	@Test
	void backendServiceMayAskForPartOfItsSystemScope() {
		String secret = this.http
			.postJson("/api/admin/clients",
					Map.of("client_id", "lab-feed", "client_name", "Lab feed", "type", "confidential", "grant_types",
							List.of("client_credentials"), "redirect_uris", List.of(), "scopes",
							List.of("system/*.rs")),
					"Authorization", bearer(adminToken()))
			.json()
			.get("client_secret")
			.asString();

		Response narrowed = this.http.postForm("/oauth2/token",
				params("grant_type", "client_credentials", "scope", "system/Observation.rs?category=laboratory"),
				"Authorization", basic("lab-feed", secret));
		Response wider = this.http.postForm("/oauth2/token",
				params("grant_type", "client_credentials", "scope", "system/Observation.cruds"), "Authorization",
				basic("lab-feed", secret));

		assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
		assertThat(narrowed.json().get("scope").asString()).isEqualTo("system/Observation.rs?category=laboratory");
		assertThat(wider.status()).isEqualTo(400);
		assertThat(wider.json().get("error").asString()).isEqualTo("invalid_scope");
	}

}
