package io.latchkey.invitation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.client.AuthorizedHttp;
import io.latchkey.client.EncryptedFileTokenStore;
import io.latchkey.client.HttpRequest;
import io.latchkey.client.HttpResponse;
import io.latchkey.client.InMemoryTokenStore;
import io.latchkey.client.InvitationLink;
import io.latchkey.client.OAuthClient;
import io.latchkey.client.ReauthenticationRequired;
import io.latchkey.client.SystemBrowser;
import io.latchkey.client.TokenStore;
import io.latchkey.client.Tokens;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.ClientLibrarySupport;
import io.latchkey.test.Concurrently;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A patient app built on the client library against the running server: it signs in
 * through an invitation link, calls a protected endpoint, and keeps working across expiry
 * and refusal of its access token, refreshing once however many calls need it.
 */
class ClientLibraryTests extends ClientLibrarySupport {

	private static final Duration PAST_EXPIRY = Duration.ofSeconds(61);

	@TempDir
	Path home;

	@Test
	void signsInWithAnInvitationLinkAndRefreshesTransparentlyWhenTheTokenExpires() throws Exception {
		String clientId = app();
		InvitationLink link = InvitationLink.parse(invite(clientId));
		OAuthClient client = library(clientId).build();
		TokenStore store = EncryptedFileTokenStore.withPassphrase(this.home.resolve("app/tokens"),
				"the app's passphrase".toCharArray());

		store.save(client.redeemInvitation(link));
		AuthorizedHttp http = client.authorizedHttp(store);
		HttpResponse first = http.send(userinfo());

		assertThat(first.status()).as(first.bodyText()).isEqualTo(200);
		assertThat(first.bodyText()).contains("\"sub\"");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.home.resolve("app/tokens"))))
			.isEqualTo("rw-------");
		Tokens signedIn = store.load();
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(1);

		this.libraryClock.advance(PAST_EXPIRY);
		HttpResponse afterExpiry = http.send(userinfo());

		assertThat(afterExpiry.status()).isEqualTo(200);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(2);
		assertThat(store.load().refreshToken()).isNotEqualTo(signedIn.refreshToken());
		assertThat(store.load().accessToken()).isNotEqualTo(signedIn.accessToken());
	}

	@Test
	void signsInThroughTheSystemBrowserOnALoopbackRedirect() throws Exception {
		String clientId = app();
		Response person = this.http.postJson(
				"/api/admin/users", Map.of("username", "browser-" + clientId, "password",
						"a long password for the browser", "roles", List.of("patient")),
				"Authorization", TestHttp.bearer(adminToken()));
		assertThat(person.status()).isEqualTo(201);
		OAuthClient client = library(clientId).build();

		Tokens tokens = client.signInWithBrowser("openid offline_access",
				new PersonAtBrowser(this.http, "browser-" + clientId, "a long password for the browser"));

		assertThat(tokens.refreshToken()).isNotNull();
		assertThat(tokens.idToken()).isNotNull();
		assertThat(client.authorizedHttp(new InMemoryTokenStore(tokens)).send(userinfo()).status()).isEqualTo(200);
	}

	@Test
	void anAccessTokenTheServerRefusesIsRefreshedOnceAndTheCallRetried() throws Exception {
		SignedInApp app = signedInWithInvitation(false);
		refuse(app.store());
		this.sent.reset();

		HttpResponse response = app.http().send(userinfo());

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.sent.count("GET /userinfo")).isEqualTo(2);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(1);
	}

	@Test
	void twentyParallelCallsAfterExpiryRefreshOnceAndTheSignInSurvives() throws Exception {
		SignedInApp app = signedInWithInvitation(false);
		refuse(app.store());
		this.sent.reset();

		List<HttpResponse> responses = Concurrently.run(20, (call) -> sendUnchecked(app.http(), userinfo()));

		assertThat(responses).extracting(HttpResponse::status).containsOnly(200);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(1);
		// No reuse was detected: the family lives on, and its newest refresh token works.
		this.libraryClock.advance(PAST_EXPIRY);
		assertThat(app.http().send(userinfo()).status()).isEqualTo(200);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(2);
	}

	@Test
	void aRefreshTokenRevokedByReuseDetectionEndsInReauthenticationRequired() throws Exception {
		SignedInApp app = signedInWithInvitation(false);
		// Someone who copied the refresh token uses it first; the app's use is then a
		// reuse, and the server revokes the whole family.
		Response stolen = new AuthorizationCodeFlow(this.http).refresh(app.clientId(),
				app.store().load().refreshToken());
		assertThat(stolen.status()).isEqualTo(200);

		this.libraryClock.advance(PAST_EXPIRY);

		assertThatExceptionOfType(ReauthenticationRequired.class).isThrownBy(() -> app.http().send(userinfo()));
		assertThat(app.store().load()).isNull();
		assertThat(new AuthorizationCodeFlow(this.http)
			.refresh(app.clientId(), stolen.json().get("refresh_token").asString())
			.status()).isEqualTo(400);
	}

	@Test
	void aPostWithANonReplayableBodyIsNotSentTwice() throws Exception {
		SignedInApp app = signedInWithInvitation(false);
		refuse(app.store());
		this.sent.reset();
		HttpRequest post = HttpRequest
			.withBody("POST", userinfo().uri(), "application/x-www-form-urlencoded",
					"claims=none".getBytes(StandardCharsets.UTF_8))
			.notReplayable();

		HttpResponse response = app.http().send(post);

		assertThat(response.status()).isEqualTo(401);
		assertThat(this.sent.count("POST /userinfo")).isEqualTo(1);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(1);
		assertThat(app.http().send(userinfo()).status()).isEqualTo(200);
	}

	@Test
	void dpopBoundTokensWorkAndRefreshWithTheSameKey() throws Exception {
		SignedInApp app = signedInWithInvitation(true);

		assertThat(app.store().load().tokenType()).isEqualTo("DPoP");
		assertThat(app.http().send(userinfo()).status()).isEqualTo(200);
		// Without the proof the token is worthless.
		Response stolen = this.http.get("/userinfo", "Authorization", "Bearer " + app.store().load().accessToken());
		assertThat(stolen.status()).isEqualTo(401);

		this.libraryClock.advance(PAST_EXPIRY);
		assertThat(app.http().send(userinfo()).status()).isEqualTo(200);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(2);
		assertThat(app.store().load().tokenType()).isEqualTo("DPoP");
	}

	private String app() {
		String clientId = "patient-app-" + UUID.randomUUID();
		registerApp(clientId, List.of("authorization_code", "refresh_token"), List.of("openid", "offline_access"));
		return clientId;
	}

	/** Creates an invitation through the admin API and answers its link. */
	private String invite(String clientId) {
		Response created = this.http.postJson("/api/admin/invitations", Map.of("client_id", clientId, "subject",
				"patient-" + UUID.randomUUID(), "scope", "openid offline_access"), "Authorization",
				TestHttp.bearer(adminToken()));
		if (created.status() != 201) {
			throw new IllegalStateException("invitation not created: " + created);
		}
		return created.json().get("link").asString();
	}

	/**
	 * Leaves the app holding an access token the server refuses with
	 * {@code invalid_token}, as it does once a token has expired: the stored one with its
	 * signature altered. (Real expiry takes the shortest lifetime plus the clock skew the
	 * server allows, two minutes.)
	 */
	private static void refuse(TokenStore store) throws IOException {
		Tokens tokens = store.load();
		String token = tokens.accessToken();
		int inSignature = token.lastIndexOf('.') + 5;
		char altered = (token.charAt(inSignature) == 'A') ? 'B' : 'A';
		store.save(new Tokens(token.substring(0, inSignature) + altered + token.substring(inSignature + 1),
				tokens.tokenType(), tokens.refreshToken(), tokens.expiresAt(), tokens.scope(), tokens.idToken(),
				tokens.patient()));
	}

	private static HttpRequest userinfo() {
		return HttpRequest.get(java.net.URI.create(ISSUER + "/userinfo"));
	}

	private SignedInApp signedInWithInvitation(boolean dpop) throws IOException {
		String clientId = app();
		OAuthClient.Builder builder = library(clientId);
		OAuthClient client = (dpop ? builder.dpop() : builder).build();
		TokenStore store = new InMemoryTokenStore(client.redeemInvitation(InvitationLink.parse(invite(clientId))));
		return new SignedInApp(clientId, store, client.authorizedHttp(store));
	}

	private static HttpResponse sendUnchecked(AuthorizedHttp http, HttpRequest request) {
		try {
			return http.send(request);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An app signed in through an invitation, its tokens in memory. */
	private record SignedInApp(String clientId, TokenStore store, AuthorizedHttp http) {

	}

	/**
	 * The system browser of a person who signs in on the login page when asked and
	 * follows redirects, the last one to the app's loopback listener.
	 */
	private record PersonAtBrowser(TestHttp http, String username, String password) implements SystemBrowser {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		@Override
		public void open(URI page) {
			TestHttp browser = this.http.withCookies();
			Response response = browser.get(page.toString());
			for (int hops = 0; hops < 8; hops++) {
				String location = response.header("Location");
				if (location == null) {
					throw new IllegalStateException("the browser stopped at " + response);
				}
				if (location.startsWith("http://127.0.0.1:")) {
					browser.get(location);
					return;
				}
				if (URI.create(location).getPath().equals("/login")) {
					Matcher csrf = CSRF.matcher(browser.get(location).body());
					assertThat(csrf.find()).isTrue();
					response = browser.postForm("/login", TestHttp.params("username", this.username, "password",
							this.password, "_csrf", csrf.group(1)));
				}
				else {
					response = browser.get(location);
				}
			}
			throw new IllegalStateException("too many redirects");
		}

	}

}
