package io.latchkey.authorization;

import java.util.List;
import java.util.Map;

import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code exchange refuses every way of using a code other than the one it was issued
 * for: each attempt below is an attack on a stolen or replayed code.
 */
class AuthorizationCodeGrantTests extends ServerTestSupport {

	private AuthorizationCodeFlow flow;

	@BeforeEach
	void flow() {
		this.flow = new AuthorizationCodeFlow(this.http);
	}

	@Test
	void wrongVerifierIsInvalidGrant() {
		Authorization authorization = authorize();

		Response wrong = this.flow.exchange(new Authorization(authorization.clientId(), authorization.redirectUri(),
				authorization.code(), authorization.codeVerifier() + "x"));

		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void publicClientWithoutVerifierCannotExchange() {
		Authorization authorization = authorize();

		Response response = this.http.postForm("/oauth2/token", params("grant_type", "authorization_code", "code",
				authorization.code(), "redirect_uri", authorization.redirectUri(), "client_id", "demo-app"));

		assertThat(response.status()).isIn(400, 401);
		assertThat(response.json().get("error").asString()).isIn("invalid_client", "invalid_grant", "invalid_request");
		assertThat(this.flow.exchange(authorization).status()).as("the code was not consumed by the attempt")
			.isEqualTo(200);
	}

	@Test
	void wrongRedirectUriIsInvalidGrant() {
		Authorization authorization = authorize();

		Response response = this.flow.exchange(new Authorization(authorization.clientId(),
				"http://127.0.0.1:1234/elsewhere", authorization.code(), authorization.codeVerifier()));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void codeOfOneClientCannotBeRedeemedByAnother() {
		String other = this.http
			.postJson("/api/admin/clients",
					Map.of("client_id", "other-app", "client_name", "Other", "type", "public", "grant_types",
							List.of("authorization_code"), "redirect_uris",
							List.of(AuthorizationCodeFlow.DEMO_REDIRECT_URI), "scopes", List.of("openid")),
					"Authorization", bearer(adminToken()))
			.json()
			.get("client_id")
			.asString();
		Authorization authorization = authorize();

		Response response = this.flow.exchange(new Authorization(other, authorization.redirectUri(),
				authorization.code(), authorization.codeVerifier()));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void replayedCodeIsInvalidGrant() {
		Authorization authorization = authorize();
		assertThat(this.flow.exchange(authorization).status()).isEqualTo(200);

		Response replay = this.flow.exchange(authorization);

		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	private Authorization authorize() {
		return this.flow.authorize(AuthorizationCodeFlow.DEMO_CLIENT, AuthorizationCodeFlow.DEMO_REDIRECT_URI, "openid",
				"admin", ADMIN_PASSWORD);
	}

}
