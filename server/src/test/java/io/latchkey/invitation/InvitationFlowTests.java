package io.latchkey.invitation;

import java.time.Duration;
import java.util.Map;

import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.Pkce;
import io.latchkey.test.TestHttp.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitation link from creation to working tokens: delivered by email and SMS,
 * redeemed the simple way (Latchkey makes the verifier) and the safer way (the app sends
 * its own challenge), then exchanged at the unchanged token endpoint.
 */
class InvitationFlowTests extends InvitationTestSupport {

	@Autowired
	UserAccounts users;

	@Test
	void emailedLinkRedeemsForTokensThatWorkAtUserinfoAndRefresh() throws Exception {
		TestInvitations invitation = TestInvitations.invitation().patient("pat-7").email("pat@example.org");
		JsonNode created = create(invitation);
		assertThat(created.get("id").asString()).isNotBlank();
		assertThat(created.get("expires_at").asString()).isNotBlank();
		assertThat(created.get("delivery").get(0).get("route").asString()).isEqualTo("smtp");

		MimeMessage mail = MAIL.getReceivedMessagesForDomain("pat@example.org")[0];
		String text = (String) mail.getContent();
		assertThat(text).contains(created.get("link").asString());
		String secret = secretOf(text);
		assertThat(secret).hasSizeLessThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
		assertThat(created.get("link").asString())
			.isEqualTo("http://localhost:9000/launch?link=localhost:9000~" + secret);

		Response redeemed = redeem(secret(secret));
		assertThat(redeemed.status()).isEqualTo(200);
		assertThat(redeemed.header("Cache-Control")).contains("no-store");
		JsonNode answer = redeemed.json();
		assertThat(answer.get("client_id").asString()).isEqualTo(AuthorizationCodeFlow.DEMO_CLIENT);
		assertThat(answer.get("redirect_uri").asString()).isEqualTo("http://127.0.0.1/callback");
		assertThat(answer.get("token_endpoint").asString()).isEqualTo("http://localhost:9000/oauth2/token");
		assertThat(answer.get("code_verifier").asString()).isNotEqualTo(secret).hasSizeGreaterThanOrEqualTo(43);

		Response token = exchange(answer, answer.get("code_verifier").asString());
		assertThat(token.status()).as(token.body()).isEqualTo(200);
		Tokens tokens = Tokens.of(token);
		assertThat(tokens.idToken()).isNotNull();
		assertThat(tokens.json().get("patient").asString()).isEqualTo("pat-7");
		Response userinfo = this.http.get("/userinfo", "Authorization", bearer(tokens.accessToken()));
		assertThat(userinfo.status()).isEqualTo(200);
		assertThat(userinfo.json().get("sub").asString())
			.isEqualTo(this.users.findByUsername(invitation.subject()).orElseThrow().id().toString());
		Response refreshed = new AuthorizationCodeFlow(this.http).refresh(AuthorizationCodeFlow.DEMO_CLIENT,
				tokens.refreshToken());
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(Tokens.of(refreshed).refreshToken()).isNotEqualTo(tokens.refreshToken());
	}

	@Test
	void appSuppliedChallengeBindsTheCodeAndNoVerifierIsReturned() {
		String secret = secretOf(create(TestInvitations.invitation()).get("link").asString());
		Pkce pkce = Pkce.create();

		Response redeemed = redeem(
				Map.of("secret", secret, "code_challenge", pkce.challenge(), "code_challenge_method", "S256"));

		assertThat(redeemed.status()).isEqualTo(200);
		assertThat(redeemed.json().has("code_verifier")).isFalse();
		Response wrong = exchange(redeemed.json(), Pkce.create().verifier());
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(exchange(redeemed.json(), pkce.verifier()).status()).isEqualTo(200);
	}

	@Test
	void wrongVerifierAtTheTokenEndpointIsInvalidGrant() {
		String secret = secretOf(create(TestInvitations.invitation()).get("link").asString());
		JsonNode redeemed = redeem(secret(secret)).json();

		Response token = exchange(redeemed, Pkce.create().verifier());

		assertThat(token.status()).isEqualTo(400);
		assertThat(token.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void smsGoesToTheGatewayAsJsonWithTheBearerKey() {
		SMS.clear();
		TestInvitations invitation = TestInvitations.invitation().sms("+41 79 555 01 02");

		JsonNode created = create(invitation);

		assertThat(created.get("delivery").get(0).get("route").asString()).isEqualTo("sms-gateway");
		assertThat(SMS).singleElement().satisfies((sms) -> {
			assertThat(sms.authorization()).isEqualTo("Bearer " + SMS_KEY);
			assertThat(sms.contentType()).startsWith("application/json");
			assertThat(sms.body()).contains("\"to\":\"+41 79 555 01 02\"").contains(created.get("link").asString());
		});
		String text = SMS.get(0).body().replaceAll(".*\"text\":\"([^\"]*)\".*", "$1");
		assertThat(text.length()).as("one SMS segment").isLessThanOrEqualTo(160);
		assertThat(redeem(secret(secretOf(SMS.get(0).body()))).status()).isEqualTo(200);
	}

	@Test
	void codeExpiresBetweenRedemptionAndExchange() throws Exception {
		this.http.postJson("/api/admin/clients",
				Map.of("client_id", "slow-app", "client_name", "Slow app", "type", "public", "redirect_uris",
						java.util.List.of("http://127.0.0.1/cb"), "grant_types",
						java.util.List.of("authorization_code"), "scopes", java.util.List.of("openid"),
						"token_settings", Map.of("authorization_code_ttl", 1)),
				"Authorization", bearer(adminToken()));
		String secret = secretOf(
				create(TestInvitations.invitation().clientId("slow-app").scope("openid")).get("link").asString());
		JsonNode redeemed = redeem(secret(secret)).json();

		Thread.sleep(Duration.ofMillis(1600));

		Response token = exchange(redeemed, redeemed.get("code_verifier").asString());
		assertThat(token.status()).isEqualTo(400);
		assertThat(token.json().get("error").asString()).isEqualTo("invalid_grant");
	}

}
