package io.latchkey.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.latchkey.client.jdk.JdkHttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The authorizing wrapper against a server on loopback whose tokens rotate and whose
 * resource refuses stale tokens.
 */
class AuthorizedHttpTests {

	private final FakeAuthorizationServer server = new FakeAuthorizationServer();

	private final OAuthClient client = OAuthClient
		.builder(this.server.issuer(), FakeAuthorizationServer.CLIENT_ID, new JdkHttpTransport())
		.build();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void callsWithTheBearerTokenAndRefreshesOnceWhenItIsRefused() throws Exception {
		TokenStore store = new InMemoryTokenStore(this.server.signedIn());
		AuthorizedHttp http = this.client.authorizedHttp(store);
		assertThat(http.send(HttpRequest.get(this.server.resource())).status()).isEqualTo(200);

		this.server.expireAccessToken();
		HttpResponse response = http.send(HttpRequest.get(this.server.resource()));

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.server.refreshRequests).hasValue(1);
		assertThat(store.load().refreshToken()).isEqualTo(this.server.currentRefreshToken());
		assertThat(store.load().patient()).isEqualTo("pat-1");
	}

	@Test
	void twentyParallelCallsAfterExpiryCauseExactlyOneRefresh() throws Exception {
		TokenStore store = new InMemoryTokenStore(this.server.signedIn());
		AuthorizedHttp http = this.client.authorizedHttp(store);
		this.server.expireAccessToken();

		List<HttpResponse> responses = inParallel(20, () -> http.send(HttpRequest.get(this.server.resource())));

		assertThat(responses).extracting(HttpResponse::status).containsOnly(200);
		assertThat(this.server.refreshRequests).hasValue(1);
		// The family is alive: the rotated refresh token still works.
		assertThat(this.client.refresh(store.load()).accessToken()).isNotEqualTo(store.load().accessToken());
	}

	@Test
	void aKnownExpiryIsRefreshedBeforeTheCallOnceForAllThreads() throws Exception {
		Instant now = Instant.parse("2026-01-01T10:00:00Z");
		OAuthClient later = OAuthClient
			.builder(this.server.issuer(), FakeAuthorizationServer.CLIENT_ID, new JdkHttpTransport())
			.clock(Clock.fixed(now, ZoneOffset.UTC))
			.build();
		Tokens expired = this.server.signedIn();
		TokenStore store = new InMemoryTokenStore(new Tokens(expired.accessToken(), "Bearer", expired.refreshToken(),
				now.minusSeconds(1), null, null, null));
		AuthorizedHttp http = later.authorizedHttp(store);

		List<HttpResponse> responses = inParallel(20, () -> http.send(HttpRequest.get(this.server.resource())));

		assertThat(responses).extracting(HttpResponse::status).containsOnly(200);
		assertThat(this.server.refreshRequests).hasValue(1);
		assertThat(this.server.resourceRequests).hasValue(20);
		assertThat(store.load().expiresAt()).isEqualTo(now.plusSeconds(300));
	}

	@Test
	void aPostWithANonReplayableBodyIsNotSentTwice() throws Exception {
		TokenStore store = new InMemoryTokenStore(this.server.signedIn());
		AuthorizedHttp http = this.client.authorizedHttp(store);
		this.server.expireAccessToken();
		HttpRequest upload = HttpRequest
			.withBody("POST", this.server.resource(), "application/json",
					"{\"observation\":1}".getBytes(StandardCharsets.UTF_8))
			.notReplayable();

		HttpResponse response = http.send(upload);

		assertThat(response.status()).isEqualTo(401);
		assertThat(this.server.resourceMethods).containsExactly("POST");
		// The refresh happened, so the caller's own retry goes through.
		assertThat(this.server.refreshRequests).hasValue(1);
		assertThat(http.send(HttpRequest.withBody("POST", this.server.resource(), "application/json", new byte[] { 1 }))
			.status()).isEqualTo(200);
	}

	@Test
	void aPostWithAReplayableBodyIsSentAgainAfterTheRefresh() throws Exception {
		AuthorizedHttp http = this.client.authorizedHttp(new InMemoryTokenStore(this.server.signedIn()));
		this.server.expireAccessToken();

		HttpResponse response = http.send(HttpRequest.withBody("POST", this.server.resource(), "application/json",
				"{}".getBytes(StandardCharsets.UTF_8)));

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.server.resourceMethods).containsExactly("POST", "POST");
	}

	@Test
	void aDeadRefreshTokenRaisesReauthenticationRequiredForEveryWaitingCallAndForgetsTheTokens() throws Exception {
		TokenStore store = new InMemoryTokenStore(this.server.signedIn());
		AuthorizedHttp http = this.client.authorizedHttp(store);
		this.server.expireAccessToken();
		this.server.revokeRefreshTokens();

		List<Throwable> failures = new ArrayList<>();
		for (Future<HttpResponse> call : submit(5, () -> http.send(HttpRequest.get(this.server.resource())))) {
			try {
				call.get(10, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failures.add(ex.getCause());
			}
		}

		assertThat(failures).hasSize(5).allMatch(ReauthenticationRequired.class::isInstance);
		assertThat(this.server.refreshRequests).hasValue(1);
		assertThat(store.load()).isNull();
		assertThatExceptionOfType(ReauthenticationRequired.class)
			.isThrownBy(() -> http.send(HttpRequest.get(this.server.resource())));
	}

	@Test
	void dpopBoundTokensGoWithAProofAndTheResourceServersNonce() throws Exception {
		AuthorizedHttp http = dpopBound();

		assertThat(http.send(HttpRequest.get(this.server.resource())).status()).isEqualTo(200);
		assertThat(http.send(HttpRequest.get(this.server.resource())).status()).isEqualTo(200);

		// The first proof had no nonce and was refused with one; every later
		// proof carries it.
		assertThat(this.server.dpopProofNonces).containsExactly("null", FakeAuthorizationServer.DPOP_NONCE,
				FakeAuthorizationServer.DPOP_NONCE);
	}

	@Test
	void aNonReplayableRequestRefusedForItsDPoPNonceIsNotSentAgain() throws Exception {
		AuthorizedHttp http = dpopBound();

		HttpResponse response = http
			.send(HttpRequest.withBody("POST", this.server.resource(), "application/json", new byte[] { 1 })
				.notReplayable());

		assertThat(response.status()).isEqualTo(401);
		assertThat(this.server.resourceMethods).containsExactly("POST");
	}

	@Test
	void withoutTokensTheCallerIsToldToSignIn() {
		AuthorizedHttp http = this.client.authorizedHttp(new InMemoryTokenStore());

		assertThatExceptionOfType(ReauthenticationRequired.class)
			.isThrownBy(() -> http.send(HttpRequest.get(this.server.resource())));
		assertThat(this.server.resourceRequests).hasValue(0);
	}

	/** The server issues DPoP-bound tokens; the app holds them and its key. */
	private AuthorizedHttp dpopBound() {
		this.server.tokenType = "DPoP";
		OAuthClient bound = OAuthClient
			.builder(this.server.issuer(), FakeAuthorizationServer.CLIENT_ID, new JdkHttpTransport())
			.dpop()
			.build();
		return bound.authorizedHttp(new InMemoryTokenStore(this.server.signedIn()));
	}

	private static <T> List<T> inParallel(int count, java.util.concurrent.Callable<T> call) throws Exception {
		List<T> results = new ArrayList<>();
		for (Future<T> future : submit(count, call)) {
			results.add(future.get(20, TimeUnit.SECONDS));
		}
		return results;
	}

	private static <T> List<Future<T>> submit(int count, java.util.concurrent.Callable<T> call) {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(threads.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		threads.shutdown();
		return futures;
	}

}
