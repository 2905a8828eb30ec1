package io.latchkey.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.latchkey.authorization.JwtParts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.MutableClock;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDirectory;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refreshing a directory person's tokens or renewing their session reads them from the
 * directory again once the recheck interval (15 minutes by default) has passed: people
 * removed from the directory or from every mapped group lose their grants and sessions,
 * and a directory outage refuses without revoking.
 */
@Import(MutableClock.AsApplicationClock.class)
// Session tokens outlive the moved clock, so that the recheck, not the token's expiry,
// is what ends the session.
@TestPropertySource(properties = "latchkey.session.token-ttl=PT1H")
class DirectoryRecheckTests extends ServerTestSupport {

	private static final TestDirectory directory = TestDirectory.start();

	private static final String CLIENT = "recheck-console";

	private static final String REDIRECT_URI = "http://127.0.0.1:53682/callback";

	@Autowired
	MutableClock clock;

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry registry) {
		directory.register(registry);
	}

	@AfterAll
	static void stopDirectory() {
		directory.stop();
	}

	@BeforeEach
	void registerClient() {
		if (this.http.get("/api/admin/clients/" + CLIENT, "Authorization", bearer(adminToken())).status() == 200) {
			return;
		}
		Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_id", CLIENT, "client_name", "Staff console", "type", "public", "redirect_uris",
						List.of("http://127.0.0.1/callback"), "grant_types",
						List.of("authorization_code", "refresh_token"), "scopes", List.of("openid", "roles")),
				"Authorization", bearer(adminToken()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void personRemovedFromTheDirectoryIsRefusedAtRefreshOnceTheRecheckIntervalHasPassed() {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = signIn(flow, "bob");
		Response beforeRemoval = flow.refresh(CLIENT, tokens.refreshToken());
		assertThat(beforeRemoval.status()).as(beforeRemoval.toString()).isEqualTo(200);
		String refreshToken = Tokens.of(beforeRemoval).refreshToken();
		Response session = this.http.postJson("/api/session",
				Map.of("username", "bob", "password", TestDirectory.PASSWORDS.get("bob")));
		assertThat(session.status()).isEqualTo(200);
		String[] sessionHeaders = { "Authorization", bearer(session.json().get("token").asString()), "Cookie",
				session.header("Set-Cookie").split(";", 2)[0] };

		directory.remove("bob");
		// Within the interval this node still uses what the directory said at
		// the last refresh.
		Response withinInterval = flow.refresh(CLIENT, refreshToken);
		assertThat(withinInterval.status()).isEqualTo(200);
		refreshToken = Tokens.of(withinInterval).refreshToken();
		this.clock.advance(Duration.ofMinutes(16));

		Response refused = flow.refresh(CLIENT, refreshToken);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(flow.refresh(CLIENT, refreshToken).status()).isEqualTo(400);
		Response renewal = this.http.post("/api/session/renewal", null, "", sessionHeaders);
		assertThat(renewal.status()).isEqualTo(401);
		assertThat(renewal.json().get("code").asString()).isEqualTo("session-expired");
		assertThat(this.http.post("/api/session/renewal", null, "", sessionHeaders).status()).isEqualTo(401);
	}

	@Test
	void directoryOutageRefusesWithoutRevokingAndLeavingEveryMappedGroupRevokes() {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = signIn(flow, "alice");
		assertThat(JwtParts.claims(tokens.accessToken()).get("roles").get(0).asString()).isEqualTo("admin");

		this.clock.advance(Duration.ofMinutes(16));
		directory.stop();
		Response outage;
		try {
			outage = flow.refresh(CLIENT, tokens.refreshToken());
		}
		finally {
			directory.restart();
		}
		assertThat(outage.status()).isEqualTo(400);
		assertThat(outage.json().get("error").asString()).isEqualTo("temporarily_unavailable");
		Response afterOutage = flow.refresh(CLIENT, tokens.refreshToken());
		assertThat(afterOutage.status()).as(afterOutage.toString()).isEqualTo(200);
		assertThat(JwtParts.claims(afterOutage.json().get("access_token").asString()).get("roles").get(0).asString())
			.isEqualTo("admin");

		directory.removeFromGroup("alice", "latchkey-admins");
		this.clock.advance(Duration.ofMinutes(16));

		Response refused = flow.refresh(CLIENT, Tokens.of(afterOutage).refreshToken());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	private Tokens signIn(AuthorizationCodeFlow flow, String uid) {
		AuthorizationCodeFlow.Authorization code = flow.authorize(CLIENT, REDIRECT_URI, "openid roles", uid,
				TestDirectory.PASSWORDS.get(uid));
		Response exchanged = flow.exchange(code);
		assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
		Tokens tokens = Tokens.of(exchanged);
		assertThat(JwtParts.claims(tokens.accessToken()).get("sub").asString()).isEqualTo(directory.entryUuid(uid));
		assertThat(JwtParts.claims(tokens.accessToken()).get("preferred_username").asString()).isEqualTo(uid);
		return tokens;
	}

}
