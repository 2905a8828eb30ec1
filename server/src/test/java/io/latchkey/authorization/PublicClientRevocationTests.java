package io.latchkey.authorization;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.authorization.TokenChecks.PASSWORD;
import static io.latchkey.authorization.TokenChecks.error;
import static io.latchkey.authorization.TokenChecks.isActive;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public native client signs out by revoking its own tokens with its {@code client_id}
 * alone (RFC 7009 §2.1), and by that id revokes nothing else.
 */
class PublicClientRevocationTests extends ServerTestSupport {

	static final String SCOPE = "openid offline_access";

	@Autowired
	UserAccounts accounts;

	@Autowired
	ClientRegistrations clients;

	@Test
	void publicClientRevokesItsRefreshTokenWithItsIdAlone() {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = flow.signIn(TokenChecks.newPerson(this.accounts), PASSWORD, SCOPE);

		Response revoked = revoke(tokens.refreshToken(), DEMO_CLIENT);

		assertThat(revoked.status()).isEqualTo(200);
		assertThat(isActive(this.http, tokens.refreshToken())).isFalse();
		assertThat(isActive(this.http, tokens.accessToken())).isFalse();
		Response refreshed = flow.refresh(DEMO_CLIENT, tokens.refreshToken());
		assertThat(refreshed.status()).isEqualTo(400);
		assertThat(error(refreshed)).isEqualTo("invalid_grant");
	}

	@Test
	void anotherPublicClientCannotRevokeTheToken() {
		String otherClient = "other-app-" + UUID.randomUUID();
		this.clients.register(ClientRegistration.publicNative(otherClient, "Another app",
				List.of("http://127.0.0.1/callback"), Set.of("openid", "offline_access")), null);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = flow.signIn(TokenChecks.newPerson(this.accounts), PASSWORD, SCOPE);

		Response refused = revoke(tokens.refreshToken(), otherClient);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(error(refused)).isEqualTo("invalid_client");
		assertThat(refused.body()).doesNotContain(tokens.refreshToken());
		assertThat(isActive(this.http, tokens.refreshToken())).isTrue();
		assertThat(isActive(this.http, tokens.accessToken())).isTrue();
		assertThat(flow.refresh(DEMO_CLIENT, tokens.refreshToken()).status()).isEqualTo(200);
	}

	@Test
	void confidentialClientIdWithoutItsSecretIsInvalidClient() {
		String adminToken = adminToken();

		Response refused = revoke(adminToken, "latchkey-admin");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(error(refused)).isEqualTo("invalid_client");
		assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(isActive(this.http, adminToken)).isTrue();
	}

	@Test
	void unknownClientIdIsInvalidClient() {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = flow.signIn(TokenChecks.newPerson(this.accounts), PASSWORD, SCOPE);

		Response refused = revoke(tokens.refreshToken(), "no-such-app-" + UUID.randomUUID());

		assertThat(refused.status()).isEqualTo(401);
		assertThat(error(refused)).isEqualTo("invalid_client");
		assertThat(isActive(this.http, tokens.refreshToken())).isTrue();
	}

	@Test
	void revokingAnUnknownTokenAnswersOk() {
		Response revoked = revoke("not-a-token-" + UUID.randomUUID(), DEMO_CLIENT);

		assertThat(revoked.status()).isEqualTo(200);
	}

	private Response revoke(String token, String clientId) {
		return this.http.postForm("/oauth2/revoke",
				params("token", token, "token_type_hint", "refresh_token", "client_id", clientId));
	}

}
