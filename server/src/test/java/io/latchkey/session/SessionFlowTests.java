package io.latchkey.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.latchkey.authorization.JwtParts;
import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.shared.Secrets;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

class SessionFlowTests extends ServerTestSupport {

	private static final String ADMIN_API = "/api/admin/clients/latchkey-admin";

	@Autowired
	JwtEncoder encoder;

	@Autowired
	UserAccounts users;

	@Test
	void signInGivesATokenBoundToAnHttpOnlyFingerprintCookie() {
		Response response = this.http.postJson("/api/session", Map.of("username", "admin", "password", ADMIN_PASSWORD));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		String setCookie = response.header("Set-Cookie");
		assertThat(setCookie).startsWith("__Host-latchkey-fgp=")
			.contains("HttpOnly")
			.contains("Secure")
			.contains("SameSite=Strict")
			.contains("Path=/");
		String fingerprint = cookieValue(setCookie);
		assertThat(Base64.getUrlDecoder().decode(fingerprint)).hasSizeGreaterThanOrEqualTo(16);
		JsonNode body = response.json();
		assertThat(body.get("expires_in").asLong()).isEqualTo(900);
		String token = body.get("token").asString();
		assertThat(JwtParts.header(token)).contains("\"ES256\"").contains("\"latchkey-session+jwt\"");
		JsonNode claims = JwtParts.claims(token);
		assertThat(claims.get("sub").asString())
			.isEqualTo(this.users.findByUsername("admin").orElseThrow().id().toString());
		assertThat(claims.get("preferred_username").asString()).isEqualTo("admin");
		assertThat(claims.get("roles").get(0).asString()).isEqualTo("admin");
		assertThat(claims.get("ctx").asString()).isEqualTo(Secrets.sha256Hex(fingerprint));
		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
		assertThat(claims.get("jti").asString()).isNotBlank();
		assertThat(token).doesNotContain(fingerprint);
	}

	@Test
	void tokenWithItsCookieOpensTheAdminApi() {
		Session session = signIn("admin", ADMIN_PASSWORD);

		assertThat(this.http.get(ADMIN_API, session.headers()).status()).isEqualTo(200);
	}

	@Test
	void tokenWithoutItsCookieIsRefused() {
		Session session = signIn("admin", ADMIN_PASSWORD);

		assertInvalidToken(this.http.get(ADMIN_API, "Authorization", bearer(session.token())));
	}

	@Test
	void tokenWithAnotherSessionsCookieIsRefused() {
		Session mine = signIn("admin", ADMIN_PASSWORD);
		Session other = signIn("admin", ADMIN_PASSWORD);

		assertInvalidToken(this.http.get(ADMIN_API, "Authorization", bearer(mine.token()), "Cookie",
				"__Host-latchkey-fgp=" + other.fingerprint()));
	}

	@Test
	void tokenWithATamperedContextIsRefused() {
		Session mine = signIn("admin", ADMIN_PASSWORD);
		String attackerCookie = Secrets.random(32);
		String[] parts = mine.token().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace(Secrets.sha256Hex(mine.fingerprint()), Secrets.sha256Hex(attackerCookie));
		String tampered = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];

		assertInvalidToken(this.http.get(ADMIN_API, "Authorization", bearer(tampered), "Cookie",
				"__Host-latchkey-fgp=" + attackerCookie));
	}

	@Test
	void expiredTokenIsRefusedEvenWithItsCookie() {
		String fingerprint = Secrets.random(32);
		Instant past = Instant.now().minusSeconds(600);
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject("admin")
			.issuedAt(past.minusSeconds(900))
			.expiresAt(past)
			.id(UUID.randomUUID().toString())
			.claim("roles", List.of("admin"))
			.claim("ctx", Secrets.sha256Hex(fingerprint))
			.build();
		String expired = this.encoder
			.encode(JwtEncoderParameters
				.from(JwsHeader.with(SignatureAlgorithm.ES256).type("latchkey-session+jwt").build(), claims))
			.getTokenValue();

		assertInvalidToken(this.http.get(ADMIN_API, new Session(expired, fingerprint).headers()));
	}

	@Test
	void afterSignOutTheTokenIsRefusedAndTheCookieCleared() {
		Session session = signIn("admin", ADMIN_PASSWORD);

		Response ended = this.http.delete("/api/session", session.headers());

		assertThat(ended.status()).isEqualTo(204);
		assertThat(ended.header("Set-Cookie")).startsWith("__Host-latchkey-fgp=;").contains("Max-Age=0");
		assertInvalidToken(this.http.get(ADMIN_API, session.headers()));
		assertInvalidToken(this.http.delete("/api/session", session.headers()));
	}

	@Test
	void renewalIssuesTheNextTokenForTheSameCookieAndRetiresTheOld() {
		Session session = signIn("admin", ADMIN_PASSWORD);

		Response renewed = this.http.post("/api/session/renewal", null, "", session.headers());

		assertThat(renewed.status()).isEqualTo(200);
		assertThat(renewed.header("Set-Cookie")).isNull();
		Session next = new Session(renewed.json().get("token").asString(), session.fingerprint());
		assertThat(JwtParts.claims(next.token()).get("ctx").asString())
			.isEqualTo(Secrets.sha256Hex(session.fingerprint()));
		assertThat(this.http.get(ADMIN_API, next.headers()).status()).isEqualTo(200);
		assertInvalidToken(this.http.get(ADMIN_API, session.headers()));
		assertInvalidToken(this.http.post("/api/session/renewal", null, "", "Authorization", bearer(next.token())));
	}

	@Test
	void anOAuthAccessTokenCannotRenewOrEndASession() {
		String accessToken = adminToken();

		assertInvalidToken(this.http.post("/api/session/renewal", null, "", "Authorization", bearer(accessToken)));
		assertThat(this.http.get(ADMIN_API, "Authorization", bearer(accessToken)).status()).isEqualTo(200);
	}

	@Test
	void staffWithoutTheAdminRoleGetASessionButNotTheAdminApi() {
		this.users
			.create(new NewUserAccount("nurse.jones", "a long nurse password", null, null, Set.of("staff"), null));
		Session session = signIn("nurse.jones", "a long nurse password");

		assertThat(JwtParts.claims(session.token()).get("roles").get(0).asString()).isEqualTo("staff");
		assertThat(this.http.get(ADMIN_API, session.headers()).status()).isEqualTo(403);
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameProblem() {
		Response wrong = this.http.postJson("/api/session", Map.of("username", "admin", "password", "not it"));
		Response unknown = this.http.postJson("/api/session", Map.of("username", "nobody", "password", "not it"));

		for (Response response : List.of(wrong, unknown)) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.json().get("code").asString()).isEqualTo("invalid-credentials");
			assertThat(response.header("Set-Cookie")).isNull();
			assertThat(response.body()).doesNotContain("not it");
		}
	}

	@Test
	void repeatedFailuresForOneAccountAreThrottled() {
		this.users.create(new NewUserAccount("guessed.via.api", "the right password", null, null, Set.of(), null));
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(this.http.postJson("/api/session", Map.of("username", "guessed.via.api", "password", "wrong"))
				.status()).isEqualTo(401);
		}

		Response refused = this.http.postJson("/api/session",
				Map.of("username", "guessed.via.api", "password", "the right password"));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("code").asString()).isEqualTo("rate-limited");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
	}

	@Test
	void malformedSignInIsABadRequest() {
		Response response = this.http.postJson("/api/session", Map.of("username", "admin"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("invalid-request");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");

		Response blank = this.http.postJson("/api/session", Map.of("username", " ", "password", "secret-4711"));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
		assertThat(blank.body()).doesNotContain("secret-4711");
	}

	private Session signIn(String username, String password) {
		Response response = this.http.postJson("/api/session", Map.of("username", username, "password", password));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return new Session(response.json().get("token").asString(), cookieValue(response.header("Set-Cookie")));
	}

	static String cookieValue(String setCookie) {
		String pair = setCookie.split(";", 2)[0];
		return pair.substring(pair.indexOf('=') + 1);
	}

	static void assertInvalidToken(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
	}

	/**
	 * A session as the web console holds it: the token in memory, the cookie in the
	 * browser.
	 */
	record Session(String token, String fingerprint) {

		String[] headers() {
			return new String[] { "Authorization", bearer(this.token), "Cookie",
					"__Host-latchkey-fgp=" + this.fingerprint };
		}

	}

}
