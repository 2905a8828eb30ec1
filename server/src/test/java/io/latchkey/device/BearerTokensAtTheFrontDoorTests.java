package io.latchkey.device;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.latchkey.shared.Secrets;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_REDIRECT_URI;
import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in only on the login page: no bearer token of any kind (a session token,
 * with or without its cookie, an access token, an ID token) authenticates a person at the
 * authorization endpoint, the device verification endpoint, the confirmation or consent
 * pages. Session tokens are not OAuth tokens, and ID tokens are not access tokens.
 */
class BearerTokensAtTheFrontDoorTests extends ServerTestSupport {

	private static final String PASSWORD = "a long password for the front door";

	private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

	private static final AtomicInteger IDS = new AtomicInteger();

	@Test
	void aStolenSessionTokenCannotApproveAnAttackersDevice() throws Exception {
		String victim = person();
		Session session = signIn(victim);
		String attackerClient = "attacker-device-" + IDS.incrementAndGet();
		DeviceClients.publicClient(attackerClient).register(this.http, adminToken());
		JsonNode device = this.http
			.postForm("/oauth2/device_authorization", params("client_id", attackerClient, "scope", "patient/*.rs"))
			.json();
		String userCode = device.get("user_code").asString();

		for (String[] credentials : new String[][] { { "Authorization", bearer(session.token()) },
				{ "Authorization", bearer(session.token()), "Cookie", session.cookie() } }) {
			Response entered = this.http.postForm("/oauth2/device_verification", params("user_code", userCode),
					credentials);
			assertSentToSignIn(entered);
			assertSentToSignIn(this.http.postForm("/oauth2/device_verification", params("user_code", userCode),
					with(credentials, "Accept", "text/html")));
			assertSentToSignIn(this.http.get("/oauth2/device_verification?user_code=" + userCode,
					with(credentials, "Accept", "text/html")));
			Response confirmed = this.http.postForm("/oauth2/device_verification", params("client_id", attackerClient,
					"user_code", userCode, "state", Secrets.random(16), "scope", "patient/*.rs"), credentials);
			assertSentToSignIn(confirmed);
			assertSentToSignIn(this.http.get(
					"/device/confirm?" + TestHttp.form(params("client_id", attackerClient, "scope", "patient/*.rs",
							"state", Secrets.random(16), "user_code", userCode)),
					with(credentials, "Accept", "text/html")));
		}

		Response polled = this.http.postForm("/oauth2/token", params("grant_type", DEVICE_GRANT, "device_code",
				device.get("device_code").asString(), "client_id", attackerClient));
		assertThat(polled.status()).isEqualTo(400);
		assertThat(polled.json().get("error").asString()).isEqualTo("authorization_pending");
		assertThat(polled.json().get("access_token")).isNull();
	}

	@Test
	void aSessionTokenAtTheAuthorizationEndpointLeadsToTheLoginPageAndNoCode() {
		Session session = signIn(person());

		for (String[] credentials : new String[][] { { "Authorization", bearer(session.token()) },
				{ "Authorization", bearer(session.token()), "Cookie", session.cookie() } }) {
			Response browser = this.http.get(authorizeUrl(), with(credentials, "Accept", "text/html"));
			assertThat(browser.status()).isEqualTo(302);
			assertThat(URI.create(browser.header("Location")).getPath()).isEqualTo("/login");
			assertNoCode(this.http.get(authorizeUrl(), credentials));
		}
	}

	@Test
	void aPersonsAccessTokenSignsNobodyInAtTheAuthorizationOrDeviceEndpoints() {
		String username = person();
		Tokens tokens = new AuthorizationCodeFlow(this.http).signIn(username, PASSWORD, "openid patient/*.rs");
		String attackerClient = "attacker-device-" + IDS.incrementAndGet();
		DeviceClients.publicClient(attackerClient).register(this.http, adminToken());
		String userCode = this.http
			.postForm("/oauth2/device_authorization", params("client_id", attackerClient, "scope", "patient/*.rs"))
			.json()
			.get("user_code")
			.asString();

		for (String token : new String[] { tokens.accessToken(), tokens.idToken() }) {
			String[] credentials = { "Authorization", bearer(token), "Accept", "text/html" };
			assertSentToSignIn(this.http.get(authorizeUrl(), credentials));
			assertNoCode(this.http.get(authorizeUrl(), "Authorization", bearer(token)));
			assertSentToSignIn(
					this.http.postForm("/oauth2/device_verification", params("user_code", userCode), credentials));
			assertSentToSignIn(this.http.get(
					"/oauth2/consent?" + TestHttp
						.form(params("client_id", DEMO_CLIENT, "scope", "patient/*.rs", "state", Secrets.random(16))),
					credentials));
			assertSentToSignIn(this.http.get("/", credentials));
		}
	}

	@Test
	void sessionAndIdTokensAreNotAccessTokens() {
		String username = person();
		Session session = signIn(username);
		Tokens tokens = new AuthorizationCodeFlow(this.http).signIn(username, PASSWORD, "openid patient/*.rs");

		assertThat(this.http.get("/userinfo", "Authorization", bearer(tokens.accessToken())).status()).isEqualTo(200);
		assertThat(this.http.get("/userinfo", "Authorization", bearer(session.token()), "Cookie", session.cookie())
			.status()).isEqualTo(401);
		assertThat(this.http.get("/userinfo", "Authorization", bearer(tokens.idToken())).status()).isEqualTo(401);
		Response introspected = this.http.postForm("/oauth2/introspect", params("token", session.token()),
				"Authorization", basic("latchkey-admin", ADMIN_CLIENT_SECRET));
		assertThat(introspected.json().get("active").asBoolean()).isFalse();
		// An ID token is no key to Latchkey's own APIs either, whatever it says.
		assertThat(
				this.http.get("/api/admin/clients/latchkey-admin", "Authorization", bearer(tokens.idToken())).status())
			.isEqualTo(401);
	}

	private String person() {
		String username = "front-door-" + IDS.incrementAndGet();
		DeviceClients.person(this.http, adminToken(), username, PASSWORD);
		return username;
	}

	private Session signIn(String username) {
		Response response = this.http.postJson("/api/session", Map.of("username", username, "password", PASSWORD));
		assertThat(response.status()).isEqualTo(200);
		String setCookie = response.header("Set-Cookie");
		return new Session(response.json().get("token").asString(), setCookie.substring(0, setCookie.indexOf(';')));
	}

	private static String authorizeUrl() {
		return "/oauth2/authorize?" + TestHttp.form(params("response_type", "code", "client_id", DEMO_CLIENT,
				"redirect_uri", DEMO_REDIRECT_URI, "scope", "openid patient/*.rs", "state", Secrets.random(16),
				"code_challenge", Secrets.sha256Hex("x").substring(0, 43), "code_challenge_method", "S256"));
	}

	/** Anonymous: the login page for a browser, 401 for anything else; never a result. */
	private static void assertSentToSignIn(Response response) {
		if (response.status() == 401) {
			return;
		}
		assertThat(response.status()).as(response.toString()).isEqualTo(302);
		assertThat(URI.create(response.header("Location")).getPath()).isEqualTo("/login");
	}

	private static void assertNoCode(Response response) {
		String location = response.header("Location");
		assertThat(response.status()).as(response.toString()).isIn(302, 401);
		if (location != null) {
			assertThat(location).doesNotStartWith(DEMO_REDIRECT_URI).doesNotContain("code=");
		}
	}

	private static String[] with(String[] headers, String... more) {
		String[] all = new String[headers.length + more.length];
		System.arraycopy(headers, 0, all, 0, headers.length);
		System.arraycopy(more, 0, all, headers.length, more.length);
		return all;
	}

	/** A session token and its fingerprint cookie as a {@code Cookie} header value. */
	private record Session(String token, String cookie) {

	}

}
