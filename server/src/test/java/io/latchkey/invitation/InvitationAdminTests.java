package io.latchkey.invitation;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Managing invitations: revocation before and after redemption, re-issue, search,
 * per-client launch URLs and templates, and the ID token of a person who also has a
 * browser session.
 */
class InvitationAdminTests extends InvitationTestSupport {

	@Autowired
	UserAccounts users;

	@Test
	void revokedBeforeRedemptionTheLinkIsDead() {
		JsonNode created = create(TestInvitations.invitation());

		Response revoked = this.http.delete("/api/admin/invitations/" + created.get("id").asString(), "Authorization",
				bearer(adminToken()));

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(redeem(secret(secretOf(created.get("link").asString()))).status()).isEqualTo(400);
		assertThat(this.events.of(InvitationRevoked.class))
			.anyMatch((event) -> event.invitationId().toString().equals(created.get("id").asString()));
		assertThat(this.events.of(InvitationRedemptionFailed.class))
			.anyMatch((event) -> created.get("id").asString().equals(String.valueOf(event.invitationId()))
					&& event.reason().equals("revoked"));
	}

	@Test
	void revokingARedeemedInvitationRevokesItsTokensOnlyWhenAsked() {
		JsonNode created = create(TestInvitations.invitation());
		JsonNode redeemed = redeem(secret(secretOf(created.get("link").asString()))).json();
		Tokens tokens = Tokens.of(exchange(redeemed, redeemed.get("code_verifier").asString()));
		String path = "/api/admin/invitations/" + created.get("id").asString();

		Response refused = this.http.delete(path, "Authorization", bearer(adminToken()));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("invitation-redeemed");
		assertThat(this.http.get("/userinfo", "Authorization", bearer(tokens.accessToken())).status()).isEqualTo(200);

		assertThat(this.http.delete(path + "?revoke_tokens=true", "Authorization", bearer(adminToken())).status())
			.isEqualTo(204);
		assertThat(this.http.get("/userinfo", "Authorization", bearer(tokens.accessToken())).status()).isEqualTo(401);
		assertThat(
				new AuthorizationCodeFlow(this.http).refresh(AuthorizationCodeFlow.DEMO_CLIENT, tokens.refreshToken())
					.status())
			.isEqualTo(400);
		assertThat(this.http.get(path, "Authorization", bearer(adminToken())).json().get("status").asString())
			.isEqualTo("revoked");
	}

	@Test
	void aRevocationRacingTheRedemptionEitherWinsOrSaysTheRedemptionHappened() throws Exception {
		String admin = bearer(adminToken());
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 24; i++) {
				boolean revokeTokens = i % 3 == 2;
				JsonNode created = create(TestInvitations.invitation());
				String path = "/api/admin/invitations/" + created.get("id").asString()
						+ (revokeTokens ? "?revoke_tokens=true" : "");
				CountDownLatch start = new CountDownLatch(1);
				Future<Response> revocation = pool.submit(() -> {
					start.await();
					return this.http.delete(path, "Authorization", admin);
				});
				Future<Response> redemption = pool.submit(() -> {
					start.await();
					return redeem(secret(secretOf(created.get("link").asString())));
				});
				start.countDown();
				Response revoked = revocation.get();
				Response redeemed = redemption.get();

				assertThat(revoked.status()).isIn(204, 409);
				if (revoked.status() == 409) {
					assertThat(revokeTokens).isFalse();
					assertThat(redeemed.status()).isEqualTo(200);
					assertThat(revoked.json().get("code").asString()).isEqualTo("invitation-redeemed");
				}
				else if (redeemed.status() == 200) {
					assertThat(revokeTokens).as("a 204 without revoke_tokens left a working code").isTrue();
					assertThat(exchange(redeemed.json(), redeemed.json().get("code_verifier").asString()).status())
						.isEqualTo(400);
				}
			}
		}
	}

	@Test
	void aNewInvitationRevokesTheEarlierOneForTheSamePersonAndClient() {
		TestInvitations invitation = TestInvitations.invitation();
		String first = secretOf(create(invitation).get("link").asString());
		String second = secretOf(create(invitation).get("link").asString());

		assertThat(redeem(secret(first)).status()).isEqualTo(400);
		assertThat(redeem(secret(second)).status()).isEqualTo(200);
	}

	@Test
	void invitationsAreSearchedBySubjectStatusAndClient() {
		TestInvitations invitation = TestInvitations.invitation();
		String secret = secretOf(create(invitation).get("link").asString());
		redeem(secret(secret));
		create(TestInvitations.invitation().subject(invitation.subject()).scope("openid"));

		JsonNode all = this.http
			.get("/api/admin/invitations?subject=" + invitation.subject(), "Authorization", bearer(adminToken()))
			.json();
		JsonNode redeemed = this.http
			.get("/api/admin/invitations?status=redeemed&client_id=demo-app&subject=" + invitation.subject(),
					"Authorization", bearer(adminToken()))
			.json();

		assertThat(all.get("total").asLong()).isEqualTo(2);
		assertThat(redeemed.get("total").asLong()).isEqualTo(1);
		assertThat(redeemed.get("items").get(0).get("status").asString()).isEqualTo("redeemed");
		assertThat(all.toString()).doesNotContain(secret);
		assertThat(this.http.get("/api/admin/invitations?status=lost", "Authorization", bearer(adminToken())).status())
			.isEqualTo(400);
		assertThat(this.http.get("/api/admin/invitations").status()).isEqualTo(401);
	}

	@Test
	void creationIsCheckedAndCreatesThePatientOnTheSpot() {
		String admin = bearer(adminToken());
		assertThat(this.http
			.postJson("/api/admin/invitations", Map.of("client_id", "nope", "subject", "x"), "Authorization", admin)
			.status()).isEqualTo(400);
		assertThat(this.http
			.postJson("/api/admin/invitations", TestInvitations.invitation().scope("admin:all").body(), "Authorization",
					admin)
			.status()).isEqualTo(400);
		assertThat(this.http
			.postJson("/api/admin/invitations", TestInvitations.invitation().expiresIn(999_999_999).body(),
					"Authorization", admin)
			.status()).isEqualTo(400);
		assertThat(this.http.postJson("/api/admin/invitations", TestInvitations.invitation().body()).status())
			.isEqualTo(401);
		Response unnamed = this.http.postJson("/api/admin/invitations",
				Map.of("subject", "x", "expires_in", 5, "deliver", Map.of("email", "nowhere-4711")), "Authorization",
				admin);
		assertThat(unnamed.status()).isEqualTo(400);
		assertThat(unnamed.json().get("code").asString()).isEqualTo("invalid-request");
		assertThat(unnamed.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("client_id", "deliver.email", "expires_in");
		assertThat(unnamed.body()).doesNotContain("4711");

		TestInvitations invitation = TestInvitations.invitation().patient("pat-99");
		create(invitation);
		assertThat(this.users.findByUsername(invitation.subject())).hasValueSatisfying((user) -> {
			assertThat(user.patient()).isEqualTo("pat-99");
			assertThat(user.roles()).containsExactly("patient");
			assertThat(user.passwordHash()).isNull();
		});
		assertThat(this.events.of(InvitationCreated.class)).anyMatch((e) -> e.subject().equals(invitation.subject()));
	}

	@Test
	void aClientsLaunchUrlAndTemplatesShapeTheLink() {
		String admin = bearer(adminToken());
		Response put = this.http.send(this.http
			.request("/api/admin/clients/demo-app/invitation-settings", "Authorization", admin, "Content-Type",
					"application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"launch_url\":\"https://app.example.com/open\","
					+ "\"sms_template\":\"Hi from {app}: {link}\"}"))
			.build());
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		try {
			SMS.clear();
			JsonNode created = create(TestInvitations.invitation().sms("+1 555 0101"));

			assertThat(created.get("link").asString()).startsWith("https://app.example.com/open?link=localhost:9000~");
			assertThat(SMS.get(0).body()).contains("Hi from Latchkey demo app: https://app.example.com/open?link=");
		}
		finally {
			this.http.send(
					this.http
						.request("/api/admin/clients/demo-app/invitation-settings", "Authorization", admin,
								"Content-Type", "application/json")
						.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
						.build());
		}
		Response refused = this.http.send(this.http
			.request("/api/admin/clients/demo-app/invitation-settings", "Authorization", admin, "Content-Type",
					"application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"launch_url\":\"http://evil.example/\"}"))
			.build());
		assertThat(refused.status()).isEqualTo(400);
	}

	@Test
	void aPersonWithABrowserSessionGetsAnIdTokenWithAuthTime() {
		String username = "signed.in-" + UUID.randomUUID();
		this.users
			.create(new NewUserAccount(username, "a long password for tests", null, null, Set.of("patient"), null));
		new AuthorizationCodeFlow(this.http).signIn(username, "a long password for tests", "openid");
		String secret = secretOf(create(TestInvitations.invitation().subject(username)).get("link").asString());
		JsonNode redeemed = redeem(secret(secret)).json();

		Response token = exchange(redeemed, redeemed.get("code_verifier").asString());

		assertThat(token.status()).as(token.body()).isEqualTo(200);
		assertThat(Tokens.of(token).idToken()).isNotNull();
	}

}
