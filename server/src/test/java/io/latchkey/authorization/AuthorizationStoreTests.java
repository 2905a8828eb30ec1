package io.latchkey.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.latchkey.authorization.ClientRegistration.ClientType;
import io.latchkey.authorization.ClientRegistration.TokenLifetimes;
import io.latchkey.identity.UserAccounts;
import io.latchkey.shared.Secrets;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.authorization.TokenChecks.PASSWORD;
import static io.latchkey.authorization.TokenChecks.error;
import static io.latchkey.authorization.TokenChecks.isActive;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_REDIRECT_URI;
import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationStoreTests extends ServerTestSupport {

	static final String SCOPE = "openid profile offline_access";

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClientRegistrations clients;

	@Test
	void databaseDumpHoldsNoTokenValue() {
		String person = TokenChecks.newPerson(this.accounts);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization authorization = flow.authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, SCOPE, person, PASSWORD);
		Tokens first = Tokens.of(flow.exchange(authorization));
		Tokens second = Tokens.of(flow.refresh(DEMO_CLIENT, first.refreshToken()));

		String dump = dump("oauth2_authorization") + dump("oauth2_retired_refresh_token");

		List<String> secrets = new ArrayList<>(first.values());
		secrets.addAll(second.values());
		secrets.add(authorization.code());
		assertThat(secrets).hasSize(7);
		for (String secret : secrets) {
			assertThat(dump).doesNotContain(secret);
		}
		assertThat(dump).contains(Secrets.sha256Hex(second.accessToken()), Secrets.sha256Hex(second.refreshToken()),
				Secrets.sha256Hex(first.refreshToken()), Secrets.sha256Hex(authorization.code()),
				TokenChecks.subjectOf(this.accounts, person));
	}

	@Test
	void codeIsExchangedOnceAndAReplayRevokesWhatItIssued() {
		String person = TokenChecks.newPerson(this.accounts);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization authorization = flow.authorize(DEMO_CLIENT, DEMO_REDIRECT_URI, SCOPE, person, PASSWORD);

		Response exchanged = flow.exchange(authorization);
		assertThat(exchanged.status()).isEqualTo(200);
		Tokens tokens = Tokens.of(exchanged);
		assertThat(tokens.tokenType()).isEqualTo("Bearer");
		assertThat(tokens.refreshToken()).isNotBlank();
		assertThat(tokens.idToken()).isNotBlank();
		assertThat(JwtParts.claims(tokens.idToken()).get("sub").asString())
			.isEqualTo(TokenChecks.subjectOf(this.accounts, person));
		assertThat(isActive(this.http, tokens.accessToken())).isTrue();
		assertThat(isActive(this.http, tokens.refreshToken())).isTrue();

		Response replayed = flow.exchange(authorization);

		assertThat(replayed.status()).isEqualTo(400);
		assertThat(error(replayed)).isEqualTo("invalid_grant");
		// RFC 6749 section 4.1.2: tokens issued for a replayed code should be revoked.
		assertThat(isActive(this.http, tokens.accessToken())).isFalse();
		assertThat(isActive(this.http, tokens.refreshToken())).isFalse();
	}

	@Test
	void userInfoFindsTheAuthorizationByItsAccessToken() {
		String person = TokenChecks.newPerson(this.accounts);
		Tokens tokens = new AuthorizationCodeFlow(this.http).signIn(person, PASSWORD, SCOPE);

		Response userInfo = this.http.get("/userinfo", "Authorization", bearer(tokens.accessToken()));

		assertThat(userInfo.status()).isEqualTo(200);
		assertThat(userInfo.json().get("sub").asString()).isEqualTo(TokenChecks.subjectOf(this.accounts, person));
	}

	@Test
	void revokedRefreshTokenAndItsAccessTokenBecomeInactive() {
		String secret = "confidential-secret-" + Secrets.random(16);
		String clientId = "confidential-" + Secrets.random(6);
		this.clients.register(new ClientRegistration(clientId, "Confidential web app", ClientType.CONFIDENTIAL,
				List.of("http://127.0.0.1/callback"), List.of("authorization_code", "refresh_token"),
				Set.of("openid", "profile"), null, false, TokenLifetimes.DEFAULTS), secret);
		String person = TokenChecks.newPerson(this.accounts);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization authorization = flow.authorize(clientId, "http://127.0.0.1:40000/callback", "openid profile",
				person, PASSWORD);
		Tokens tokens = Tokens.of(flow.exchange(authorization, "Authorization", basic(clientId, secret)));

		Response revoked = this.http.postForm("/oauth2/revoke",
				Map.of("token", tokens.refreshToken(), "token_type_hint", "refresh_token"), "Authorization",
				basic(clientId, secret));

		assertThat(revoked.status()).isEqualTo(200);
		assertThat(isActive(this.http, tokens.refreshToken())).isFalse();
		assertThat(isActive(this.http, tokens.accessToken())).isFalse();
		Response refresh = this.http.postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()), "Authorization",
				basic(clientId, secret));
		assertThat(refresh.status()).isEqualTo(400);
		assertThat(error(refresh)).isEqualTo("invalid_grant");
	}

	private String dump(String table) {
		StringBuilder dump = new StringBuilder();
		this.jdbc.sql("SELECT * FROM " + table).query((rs) -> {
			int columns = rs.getMetaData().getColumnCount();
			for (int i = 1; i <= columns; i++) {
				dump.append(rs.getString(i)).append('|');
			}
			dump.append('\n');
		});
		return dump.toString();
	}

}
