package io.latchkey.authorization;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuditRecords;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.authorization.TokenChecks.PASSWORD;
import static io.latchkey.authorization.TokenChecks.error;
import static io.latchkey.authorization.TokenChecks.isActive;
import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenRotationTests extends ServerTestSupport {

	static final String SCOPE = "openid offline_access";

	@Autowired
	UserAccounts accounts;

	@Autowired
	ClientRegistrations clients;

	@Autowired
	ReuseEvents events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refreshRotatesTheRefreshToken() {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens first = flow.signIn(TokenChecks.newPerson(this.accounts), PASSWORD, SCOPE);

		Response refreshed = flow.refresh(DEMO_CLIENT, first.refreshToken());

		assertThat(refreshed.status()).isEqualTo(200);
		Tokens second = Tokens.of(refreshed);
		assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
		assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
		assertThat(isActive(this.http, second.refreshToken())).isTrue();
		assertThat(isActive(this.http, first.refreshToken())).isFalse();
		Response third = flow.refresh(DEMO_CLIENT, second.refreshToken());
		assertThat(third.status()).isEqualTo(200);
	}

	@Test
	void reusedRefreshTokenRevokesTheWholeFamily() {
		String person = TokenChecks.newPerson(this.accounts);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens first = flow.signIn(person, PASSWORD, SCOPE);
		Tokens second = Tokens.of(flow.refresh(DEMO_CLIENT, first.refreshToken()));
		assertThat(isActive(this.http, second.accessToken())).isTrue();

		Response reused = flow.refresh(DEMO_CLIENT, first.refreshToken());

		assertThat(reused.status()).isEqualTo(400);
		assertThat(error(reused)).isEqualTo("invalid_grant");
		assertThat(reused.body()).doesNotContain(first.refreshToken());
		assertThat(isActive(this.http, second.refreshToken())).isFalse();
		assertThat(isActive(this.http, second.accessToken())).isFalse();
		assertThat(flow.refresh(DEMO_CLIENT, second.refreshToken()).status()).isEqualTo(400);
		List<RefreshTokenReuseDetected> detected = this.events.about(TokenChecks.subjectOf(this.accounts, person));
		assertThat(detected).singleElement().satisfies((event) -> {
			assertThat(event.clientId()).isEqualTo(DEMO_CLIENT);
			assertThat(event.authorizationId()).isNotBlank();
			assertThat(event.at()).isNotNull();
		});
	}

	@Test
	void ofTwoConcurrentRefreshesWithOneTokenOneWinsAndTheLoserRevokesTheFamily() {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		for (int round = 0; round < 5; round++) {
			String person = TokenChecks.newPerson(this.accounts);
			Tokens tokens = flow.signIn(person, PASSWORD, SCOPE);

			Tokens winner = winnerOfRace(flow, tokens.refreshToken(), 2);

			assertFamilyRevoked(flow, winner, person);
		}
	}

	@Test
	void theLosersOfARefreshRaceRevokeTheWholeFamily() {
		String person = TokenChecks.newPerson(this.accounts);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = flow.signIn(person, PASSWORD, SCOPE);

		Tokens winner = winnerOfRace(flow, tokens.refreshToken(), 10);

		assertFamilyRevoked(flow, winner, person);
		AuditRecords.awaitChained(this.jdbc);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = ? AND subject = ?")
			.params("token.reuse_detected", TokenChecks.subjectOf(this.accounts, person))
			.query(Integer.class)
			.single()).isPositive();
	}

	/**
	 * Sends one refresh token in {@code requests} parallel requests: exactly one gets
	 * tokens, every other {@code invalid_grant}.
	 */
	private static Tokens winnerOfRace(AuthorizationCodeFlow flow, String refreshToken, int requests) {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(requests);
		List<CompletableFuture<Response>> racing;
		try {
			racing = IntStream.range(0, requests).mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
				awaitQuietly(start);
				return flow.refresh(DEMO_CLIENT, refreshToken);
			}, threads)).toList();
			start.countDown();
		}
		finally {
			threads.shutdown();
		}
		List<Response> responses = racing.stream().map(CompletableFuture::join).toList();
		assertThat(responses).filteredOn((response) -> response.status() == 200).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.status() != 200)
			.hasSize(requests - 1)
			.allSatisfy((response) -> assertThat(error(response)).isEqualTo("invalid_grant"));
		return Tokens.of(responses.stream().filter((response) -> response.status() == 200).findFirst().get());
	}

	private void assertFamilyRevoked(AuthorizationCodeFlow flow, Tokens winner, String person) {
		Response afterwards = flow.refresh(DEMO_CLIENT, winner.refreshToken());
		assertThat(afterwards.status()).isEqualTo(400);
		assertThat(error(afterwards)).isEqualTo("invalid_grant");
		assertThat(isActive(this.http, winner.accessToken())).isFalse();
		assertThat(this.events.about(TokenChecks.subjectOf(this.accounts, person))).hasSize(1)
			.allSatisfy((event) -> assertThat(event.clientId()).isEqualTo(DEMO_CLIENT));
	}

	@Test
	void refreshTokenOfAnotherClientIsInvalidGrant() {
		String otherClient = "other-app-" + System.nanoTime();
		this.clients.register(ClientRegistration.publicNative(otherClient, "Another app",
				List.of("http://127.0.0.1/callback"), Set.of("openid", "offline_access")), null);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Tokens tokens = flow.signIn(TokenChecks.newPerson(this.accounts), PASSWORD, SCOPE);

		Response stolen = flow.refresh(otherClient, tokens.refreshToken());

		assertThat(stolen.status()).isEqualTo(400);
		assertThat(error(stolen)).isEqualTo("invalid_grant");
		assertThat(flow.refresh(DEMO_CLIENT, tokens.refreshToken()).status()).isEqualTo(200);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Collects reuse events published on any thread.
	 */
	static class ReuseEvents {

		private final List<RefreshTokenReuseDetected> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(RefreshTokenReuseDetected event) {
			this.events.add(event);
		}

		List<RefreshTokenReuseDetected> about(String principalName) {
			return this.events.stream().filter((event) -> event.principalName().equals(principalName)).toList();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Events {

		@Bean
		ReuseEvents reuseEvents() {
			return new ReuseEvents();
		}

	}

}
