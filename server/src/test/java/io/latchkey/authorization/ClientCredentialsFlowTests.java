package io.latchkey.authorization;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.basic;
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

}
