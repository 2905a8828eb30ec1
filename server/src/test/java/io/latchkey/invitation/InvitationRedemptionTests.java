package io.latchkey.invitation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.latchkey.abuse.RateLimiter;

import io.latchkey.test.Node;
import io.latchkey.test.Pkce;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of redemption: one answer for every failure, exactly one winner, retries only
 * with the same challenge and only briefly, expiry by the clock, rate limits.
 */
class InvitationRedemptionTests extends InvitationTestSupport {

	@Autowired
	RateLimiter limiter;

	@Test
	void everyFailureGetsTheSameAnswer() {
		String redeemed = newSecret();
		assertThat(redeem(secret(redeemed)).status()).isEqualTo(200);
		JsonNode revokedInvitation = create(TestInvitations.invitation());
		this.http.delete("/api/admin/invitations/" + revokedInvitation.get("id").asString(), "Authorization",
				bearer(adminToken()));
		String expired = newSecret();
		this.clock.advance(Duration.ofDays(8));
		List<Response> failures = new ArrayList<>();
		failures.add(redeem(secret("AAAAAAAAAAAAAAAAAAAAAAAA")));
		failures.add(redeem(secret(expired)));
		failures.add(redeem(secret(secretOf(revokedInvitation.get("link").asString()))));
		failures.add(redeem(secret(redeemed)));
		failures.add(redeem("{\"secret\": "));
		failures.add(redeem("not json at all"));
		failures.add(redeem(""));
		failures.add(redeem("[\"a\"]"));
		failures.add(redeem(Map.of("secret", 12345)));
		failures.add(redeem(Map.of("secret", List.of(expired))));
		failures.add(redeem(Map.of("secret", expired, "code_challenge", 7)));
		failures.add(redeem(Map.of("secret", expired, "code_challenge", Pkce.create().challenge(),
				"code_challenge_method", "plain")));
		failures.add(redeem(Map.of("secret", "x".repeat(3000))));
		failures.add(redeem("{\"secret\":\"" + "y".repeat(20_000) + "\"}"));
		failures.add(redeemFrom(this.http, randomAddress(), null));
		failures.add(this.http.post("/api/invitation", "application/x-www-form-urlencoded", "secret=" + expired,
				"X-Forwarded-For", randomAddress()));

		String body = failures.get(0).body();
		assertThat(body).isEqualTo("{\"error\":\"invalid_invitation\",\"error_description\":"
				+ "\"This invitation link cannot be used. Ask for a new one.\"}");
		for (Response failure : failures) {
			assertThat(failure.status()).as(failure.body()).isEqualTo(400);
			assertThat(failure.body()).isEqualTo(body);
			assertThat(failure.header("Cache-Control")).isEqualTo("no-store");
			assertThat(failure.header("Content-Type")).startsWith("application/json");
		}
		assertThat(this.events.of(InvitationRedemptionFailed.class).stream().map(InvitationRedemptionFailed::reason))
			.contains("unknown", "expired", "revoked", "redeemed", "malformed");
	}

	@Test
	void expiryFollowsTheClock() {
		String secret = secretOf(create(TestInvitations.invitation().expiresIn(3600)).get("link").asString());

		this.clock.advance(Duration.ofMinutes(61));
		assertThat(redeem(secret(secret)).status()).isEqualTo(400);

		this.clock.reset();
		assertThat(redeem(secret(secret)).status()).isEqualTo(200);
	}

	@Test
	void aLostResponseCanBeRetriedWithTheSameChallengeForTwoMinutes() {
		String secret = newSecret();
		Pkce pkce = Pkce.create();
		Map<String, Object> request = Map.of("secret", secret, "code_challenge", pkce.challenge());
		Response first = redeem(request);
		assertThat(first.status()).isEqualTo(200);

		this.clock.advance(Duration.ofSeconds(90));
		Response retry = redeem(request);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().get("code").asString()).isNotEqualTo(first.json().get("code").asString());
		assertThat(exchange(retry.json(), pkce.verifier()).status()).isEqualTo(200);

		assertThat(redeem(Map.of("secret", secret, "code_challenge", Pkce.create().challenge())).status())
			.isEqualTo(400);
		assertThat(redeem(secret(secret)).status()).isEqualTo(400);
		this.clock.advance(Duration.ofSeconds(40));
		assertThat(redeem(request).status()).isEqualTo(400);
		assertThat(this.events.of(InvitationRedeemed.class).stream().filter(InvitationRedeemed::retry)).isNotEmpty();
	}

	@Test
	void aRetryAfterTheInvitationExpiredGetsNoCode() {
		String secret = secretOf(create(TestInvitations.invitation().expiresIn(60)).get("link").asString());
		Map<String, Object> request = Map.of("secret", secret, "code_challenge", Pkce.create().challenge());
		this.clock.advance(Duration.ofSeconds(50));
		assertThat(redeem(request).status()).isEqualTo(200);

		this.clock.advance(Duration.ofSeconds(20));
		Response retry = redeem(request);

		assertThat(retry.status()).isEqualTo(400);
		assertThat(retry.json().has("code")).isFalse();
	}

	@Test
	void aRedemptionWithoutChallengeCannotBeRetried() {
		String secret = newSecret();
		assertThat(redeem(secret(secret)).status()).isEqualTo(200);
		assertThat(redeem(secret(secret)).status()).isEqualTo(400);
	}

	@Test
	void ofFiftyConcurrentRedemptionsOnTwoNodesExactlyOneSucceeds() throws Exception {
		String secret = newSecret();
		try (Node other = Node.start(TestDatabase.url(), TestDatabase.username());
				ExecutorService pool = Executors.newFixedThreadPool(50)) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				TestHttp node = (i % 2 == 0) ? this.http : other.http;
				answers.add(pool.submit(() -> {
					start.await();
					return redeemFrom(node, randomAddress(), secret(secret)).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsOnly(200, 400);
			assertThat(statuses.stream().filter((status) -> status == 200)).hasSize(1);
		}
	}

	@Test
	void attemptsOverTheAddressLimitGet429WithRetryAfter() {
		String address = randomAddress();
		for (int i = 0; i < ADDRESS_LIMIT; i++) {
			assertThat(redeemFrom(this.http, address, secret("AAAAAAAAAAAAAAAAAAAAAAAA")).status()).isEqualTo(400);
		}

		Response throttled = redeemFrom(this.http, address, secret(newSecret()));

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
		assertThat(throttled.json().get("code").asString()).isEqualTo("rate-limited");
	}

	@Test
	void theRightMostAddressThatIsNotATrustedProxyIsCounted() {
		String client = randomAddress();
		for (int i = 0; i < ADDRESS_LIMIT; i++) {
			assertThat(redeemFrom(this.http, client, secret("AAAAAAAAAAAAAAAAAAAAAAAA")).status()).isEqualTo(400);
		}

		assertThat(redeemFrom(this.http, "203.0.113.9, " + client, secret("AAAAAAAAAAAAAAAAAAAAAAAA")).status())
			.isEqualTo(429);
		assertThat(redeemFrom(this.http, client + ", " + randomAddress(), secret("AAAAAAAAAAAAAAAAAAAAAAAA")).status())
			.isEqualTo(400);
	}

	@Test
	void ipv6AddressesInOneSlash64ShareABudget() {
		String network = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + ":7:";
		for (int i = 0; i < ADDRESS_LIMIT; i++) {
			String address = network + Integer.toHexString(1 + i) + "::" + Integer.toHexString(i);
			assertThat(redeemFrom(this.http, address, secret("AAAAAAAAAAAAAAAAAAAAAAAA")).status()).isEqualTo(400);
		}

		assertThat(redeemFrom(this.http, network + "ffff::1", secret(newSecret())).status()).isEqualTo(429);
		assertThat(redeemFrom(this.http, "2001:db8:1:8::1", secret("AAAAAAAAAAAAAAAAAAAAAAAA")).status())
			.isEqualTo(400);
	}

	@Test
	void whenEveryoneTogetherHasSpentTheGlobalBudgetOnlyTheRightSecretStillWorks() {
		String secret = newSecret();
		try {
			// On PostgreSQL a bucket's row keeps the limit it was made with, so
			// start from one made with this test's slow refill rather than
			// another test server's fast one.
			this.limiter.reset(RedemptionThrottle.GLOBAL, "all");
			for (int i = 0; i < 100_000 && this.limiter.consume(RedemptionThrottle.GLOBAL, "all").allowed(); i++) {
				// A botnet spending the budget.
			}

			Response wrong = redeem(secret("AAAAAAAAAAAAAAAAAAAAAAAA"));
			assertThat(wrong.status()).isEqualTo(429);
			assertThat(wrong.header("Retry-After")).isNotNull();
			assertThat(redeem(secret(secret)).status()).isEqualTo(200);
		}
		finally {
			this.limiter.reset(RedemptionThrottle.GLOBAL, "all");
		}
	}

	private String newSecret() {
		return secretOf(create(TestInvitations.invitation()).get("link").asString());
	}

}
