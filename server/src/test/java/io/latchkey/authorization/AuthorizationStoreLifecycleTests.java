package io.latchkey.authorization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.latchkey.LatchkeyApplication;
import io.latchkey.authorization.store.ExpiredAuthorizationPurge;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.authorization.TokenChecks.PASSWORD;
import static io.latchkey.authorization.TokenChecks.error;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationStoreLifecycleTests extends ServerTestSupport {

	static final String SCOPE = "openid offline_access";

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExpiredAuthorizationPurge purge;

	@Test
	void purgeRemovesExpiredRowsOnly() {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		String expiring = TokenChecks.newPerson(this.accounts);
		Tokens expired = flow.signIn(expiring, PASSWORD, SCOPE);
		Tokens rotated = Tokens.of(flow.refresh(DEMO_CLIENT, expired.refreshToken()));
		String kept = TokenChecks.newPerson(this.accounts);
		Tokens current = flow.signIn(kept, PASSWORD, SCOPE);
		String family = this.jdbc.sql("SELECT id FROM oauth2_authorization WHERE principal_name = ?")
			.param(TokenChecks.subjectOf(this.accounts, expiring))
			.query(String.class)
			.single();
		OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
		this.jdbc.sql("UPDATE oauth2_authorization SET expires_at = ? WHERE id = ?").params(past, family).update();
		this.jdbc.sql("UPDATE oauth2_retired_refresh_token SET expires_at = ? WHERE authorization_id = ?")
			.params(past, family)
			.update();

		assertThat(this.purge.purgeExpired()).isGreaterThanOrEqualTo(2);

		assertThat(count("oauth2_authorization WHERE id = ?", family)).isZero();
		assertThat(count("oauth2_retired_refresh_token WHERE authorization_id = ?", family)).isZero();
		assertThat(count("oauth2_authorization WHERE principal_name = ?", TokenChecks.subjectOf(this.accounts, kept)))
			.isOne();
		Response refresh = flow.refresh(DEMO_CLIENT, rotated.refreshToken());
		assertThat(refresh.status()).isEqualTo(400);
		assertThat(error(refresh)).isEqualTo("invalid_grant");
		assertThat(flow.refresh(DEMO_CLIENT, current.refreshToken()).status()).isEqualTo(200);
	}

	@Test
	void refreshTokenIssuedBeforeARestartStillWorks() {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens before = flow.signIn(TokenChecks.newPerson(this.accounts), PASSWORD, SCOPE);

		// Command-line arguments, because default properties lose to application.yml.
		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(LatchkeyApplication.class)
			.profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
					"--spring.datasource.username=" + TestDatabase.username(), "--spring.datasource.password=",
					"--latchkey.bootstrap.admin-password=" + ADMIN_PASSWORD,
					"--latchkey.bootstrap.admin-client-secret=" + ADMIN_CLIENT_SECRET,
					"--latchkey.bootstrap.demo-client=true")) {
			TestHttp other = new TestHttp(
					"http://localhost:" + restarted.getEnvironment().getProperty("local.server.port"));
			AuthorizationCodeFlow otherFlow = new AuthorizationCodeFlow(other);

			Response refreshed = otherFlow.refresh(DEMO_CLIENT, before.refreshToken());

			assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
			Tokens after = Tokens.of(refreshed);
			assertThat(TokenChecks.isActive(other, after.accessToken())).isTrue();
			assertThat(TokenChecks.isActive(this.http, after.refreshToken())).isTrue();
			assertThat(otherFlow.refresh(DEMO_CLIENT, before.refreshToken()).status()).isEqualTo(400);
		}
	}

	private long count(String from, String value) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + from).param(value).query(Long.class).single();
	}

}
