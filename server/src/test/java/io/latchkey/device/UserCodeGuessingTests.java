package io.latchkey.device;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.test.PersonAtBrowser;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing user codes hits {@code 429} with {@code Retry-After}: per session first, then
 * the failure budget shared by everyone; a throttled entry is refused even when right.
 */
@Import(DeviceFlowEvents.class)
@TestPropertySource(properties = { "latchkey.abuse.limits.user-code-session.capacity=4",
		"latchkey.abuse.limits.user-code-session.period=PT15M", "latchkey.abuse.limits.user-code-failures.capacity=6",
		"latchkey.abuse.limits.user-code-failures.period=PT10M" })
class UserCodeGuessingTests extends ServerTestSupport {

	@Autowired
	DeviceFlowEvents events;

	@Autowired
	RateLimiter limiter;

	/**
	 * On PostgreSQL the shared bucket outlives a context, keeping the limit it was made
	 * with, so this test starts and leaves it fresh for the other device tests.
	 */
	@BeforeEach
	@AfterEach
	void resetSharedBudget() {
		this.limiter.reset(UserCodeGuard.FAILURES, UserCodeGuard.EVERYONE);
	}

	@Test
	void guessesAreLimitedPerSessionAndByTheSharedFailureBudget() {
		DeviceClients.publicClient("guessing-target").register(this.http, adminToken());
		JsonNode device = this.http
			.postForm("/oauth2/device_authorization", params("client_id", "guessing-target", "scope", "patient/*.rs"))
			.json();
		String rightCode = device.get("user_code").asString();
		PersonAtBrowser guesser = person("guesser");
		PersonAtBrowser other = person("other-guesser");

		for (int i = 0; i < 4; i++) {
			assertThat(guesser.enter(wrong(rightCode, i)).status()).isEqualTo(400);
		}
		Response throttled = guesser.enter(rightCode);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
		assertThat(throttled.body()).contains("Too many attempts");

		assertThat(other.enter(wrong(rightCode, 5)).status()).isEqualTo(400);
		assertThat(other.enter(wrong(rightCode, 6)).status()).isEqualTo(400);
		Response budgetSpent = other.enter(rightCode);
		assertThat(budgetSpent.status()).isEqualTo(429);
		assertThat(budgetSpent.header("Retry-After")).isNotNull();

		assertThat(this.events.received).filteredOn(UserCodeRejected.class::isInstance).hasSize(8);
		assertThat(this.events.received.toString()).doesNotContain(rightCode);
	}

	/** A well-formed code that is not the right one. */
	private static String wrong(String rightCode, int n) {
		String candidate = "BCDF-GH" + UserCodes.ALPHABET.charAt(n) + UserCodes.ALPHABET.charAt(n + 1);
		return candidate.equals(rightCode) ? "ZZZZ-ZZZZ" : candidate;
	}

	private PersonAtBrowser person(String username) {
		DeviceClients.person(this.http, adminToken(), username, "a long password for guessing");
		return new PersonAtBrowser(this.http, username, "a long password for guessing");
	}

}
