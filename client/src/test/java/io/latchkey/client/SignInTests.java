package io.latchkey.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.latchkey.client.jdk.JdkHttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The three ways to sign in, against a server on loopback.
 */
class SignInTests {

	private final FakeAuthorizationServer server = new FakeAuthorizationServer();

	private final MovingClock clock = new MovingClock();

	private final List<Duration> pauses = new ArrayList<>();

	private final OAuthClient client = OAuthClient
		.builder(this.server.issuer(), FakeAuthorizationServer.CLIENT_ID, new JdkHttpTransport())
		.clock(this.clock)
		.sleeper((pause) -> {
			this.pauses.add(pause);
			this.clock.advance(pause);
		})
		.build();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void anInvitationLinkIsRedeemedWithAChallengeMadeOnTheDevice() throws Exception {
		InvitationLink link = InvitationLink.parse("https://launch.example.org/?link="
				+ this.server.issuer().getRawAuthority() + "~Xy7abcdefghijklmnopqr_-");

		Tokens tokens = this.client.redeemInvitation(link);

		assertThat(tokens.accessToken()).isEqualTo("access-1");
		assertThat(tokens.refreshToken()).isEqualTo("refresh-1");
	}

	@Test
	void anInvitationLinkForAnotherServerIsNotSentToThisOne() {
		InvitationLink link = InvitationLink.parse("elsewhere.example.org~Xy7abcdefghijklmnopqr_-");

		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.client.redeemInvitation(link));
	}

	@Test
	void theBrowserSignInReceivesTheCodeOnALoopbackAddress() throws Exception {
		AtomicReference<URI> opened = new AtomicReference<>();
		SystemBrowser browser = (page) -> {
			opened.set(page);
			Map<String, String> query = FakeAuthorizationServer.form(page.getRawQuery());
			this.server.authorizationRequested(query);
			// The person signs in; the server redirects the browser to the app.
			URI back = URI.create(query.get("redirect_uri") + "?code=browser-code&state=" + query.get("state"));
			try (HttpClient browserClient = HttpClient.newHttpClient()) {
				browserClient
					.send(java.net.http.HttpRequest.newBuilder(URI.create(back.resolve("/favicon.ico").toString()))
						.build(), BodyHandlers.discarding());
				browserClient.send(java.net.http.HttpRequest.newBuilder(back).build(), BodyHandlers.ofString());
			}
			catch (InterruptedException ex) {
				throw new java.io.InterruptedIOException();
			}
		};

		Tokens tokens = this.client.signInWithBrowser("openid offline_access", browser);

		assertThat(tokens.accessToken()).isEqualTo("access-1");
		Map<String, String> query = FakeAuthorizationServer.form(opened.get().getRawQuery());
		assertThat(query).containsEntry("code_challenge_method", "S256")
			.containsEntry("response_type", "code")
			.containsEntry("client_id", FakeAuthorizationServer.CLIENT_ID);
		assertThat(URI.create(query.get("redirect_uri")).getHost()).isEqualTo("127.0.0.1");
	}

	@Test
	void aForeignStateIsRefused() {
		SystemBrowser browser = (page) -> {
			Map<String, String> query = FakeAuthorizationServer.form(page.getRawQuery());
			this.server.authorizationRequested(query);
			URI back = URI.create(query.get("redirect_uri") + "?code=browser-code&state=forged");
			try (HttpClient browserClient = HttpClient.newHttpClient()) {
				browserClient.send(java.net.http.HttpRequest.newBuilder(back).build(), BodyHandlers.ofString());
			}
			catch (InterruptedException ex) {
				throw new java.io.InterruptedIOException();
			}
		};

		assertThatExceptionOfType(java.io.IOException.class)
			.isThrownBy(() -> this.client.signInWithBrowser("openid", browser))
			.withMessageContaining("state");
	}

	@Test
	void theDeviceFlowPollsAtTheIntervalAndSlowsDownWhenTold() throws Exception {
		this.server.deviceAnswers
			.addAll(List.of("authorization_pending", "slow_down", "authorization_pending", "tokens"));
		List<DeviceCodePrompt.DeviceCode> shown = new ArrayList<>();

		Tokens tokens = this.client.signInWithDeviceCode("openid", shown::add);

		assertThat(tokens.accessToken()).isEqualTo("access-1");
		assertThat(shown).singleElement().satisfies((code) -> {
			assertThat(code.userCode()).isEqualTo("WDJB-MJHT");
			assertThat(code.verificationUri()).isEqualTo(URI.create(this.server.issuer() + "/device"));
		});
		assertThat(this.pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
				Duration.ofSeconds(10));
	}

	@Test
	void theDeviceFlowStopsWhenTheCodeExpires() {
		for (int i = 0; i < 20; i++) {
			this.server.deviceAnswers.add("authorization_pending");
		}

		assertThatExceptionOfType(AuthorizationError.class)
			.isThrownBy(() -> this.client.signInWithDeviceCode("openid", (code) -> {
			}))
			.satisfies((error) -> assertThat(error.error()).isEqualTo("expired_token"));
		// 60 seconds at 5: eleven polls, none after expiry.
		assertThat(this.server.devicePolls).hasValue(11);
	}

	@Test
	void aDeniedDeviceSignInEndsWithAccessDenied() {
		this.server.deviceAnswers.addAll(List.of("authorization_pending", "access_denied"));

		assertThatExceptionOfType(AuthorizationError.class)
			.isThrownBy(() -> this.client.signInWithDeviceCode("openid", (code) -> {
			}))
			.satisfies((error) -> assertThat(error.error()).isEqualTo("access_denied"));
	}

	@Test
	void aDiscoveryDocumentNamingAnotherIssuerIsRefused() {
		this.server.advertisedIssuer = "https://attacker.example";

		assertThatExceptionOfType(java.io.IOException.class).isThrownBy(this.client::metadata)
			.withMessageContaining("issuer");
	}

	@Test
	void theTokenEndpointsDPoPNonceIsSentOnTheSecondTry() throws Exception {
		this.server.tokenEndpointNonce = true;
		this.server.tokenType = "DPoP";
		OAuthClient bound = OAuthClient
			.builder(this.server.issuer(), FakeAuthorizationServer.CLIENT_ID, new JdkHttpTransport())
			.dpop()
			.build();

		Tokens refreshed = bound.refresh(this.server.signedIn());

		assertThat(refreshed.dpopBound()).isTrue();
		assertThat(this.server.tokenProofNonces).containsExactly("null", "nonce-from-the-token-endpoint");
	}

	/** A clock the test's sleeper moves. */
	static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
