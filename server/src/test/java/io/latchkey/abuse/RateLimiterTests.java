package io.latchkey.abuse;

import java.util.UUID;

import io.latchkey.abuse.AbuseTestConfiguration.RecordedEvents;
import io.latchkey.abuse.RateLimiter.Decision;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter on the run's database (PostgreSQL: in the shared table; H2: in memory):
 * limits per purpose from configuration, refusals with sensible waits, published and
 * counted, reset, clean-up, and the {@code 429} problem detail of JSON endpoints.
 */
@AbuseTestSettings
class RateLimiterTests extends ServerTestSupport {

	@Autowired
	RateLimiter limiter;

	@Autowired
	RecordedEvents events;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KeyFingerprints fingerprints;

	@Test
	void eachPurposeHasTheLimitItsConfigurationGives() {
		String key = unique("someone@example.org");
		for (int i = 0; i < 10; i++) {
			assertThat(this.limiter.check("test-tight", key).allowed()).isTrue();
		}
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.consume("test-tight", key).allowed()).isTrue();
		}
		assertThat(this.limiter.consume("test-tight", key).allowed()).isFalse();
		assertThat(this.limiter.check("test-tight", key).allowed()).isFalse();
		assertThat(this.limiter.consume("test-tight", unique("someone.else")).allowed()).isTrue();
		assertThat(this.limiter.consume("login-account", key).allowed()).isTrue();

		String unconfigured = unique("10.1.2.3");
		for (int i = 0; i < 20; i++) {
			assertThat(this.limiter.consume("test-unconfigured", unconfigured).allowed()).isTrue();
		}
		assertThat(this.limiter.consume("test-unconfigured", unconfigured).allowed()).isFalse();
	}

	@Test
	void aRefusalSaysToWaitForTheNextTokenAndIsPublishedAndCounted() {
		String key = unique("10.9.8.7");
		for (int i = 0; i < 3; i++) {
			this.limiter.consume("test-tight", key);
		}
		double before = rejections("test-tight");

		Decision refused = this.limiter.consume("test-tight", key);

		// 3 per hour, refilled one at a time: the next token comes 20 minutes after the
		// first was taken.
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter().toSeconds()).isBetween(20 * 60L - 10, 20 * 60L);
		assertThat(this.limiter.check("test-tight", key).retryAfter().toSeconds())
			.isBetween(refused.retryAfter().toSeconds() - 1, refused.retryAfter().toSeconds());
		assertThat(rejections("test-tight")).isEqualTo(before + 2);
		RateLimited event = this.events.rateLimited.stream()
			.filter((candidate) -> candidate.retryAfter().equals(refused.retryAfter()))
			.filter((candidate) -> candidate.purpose().equals("test-tight"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(event.keyDigest()).matches("[0-9a-f]{16}").doesNotContain(key);
		assertThat(event.at()).isBeforeOrEqualTo(java.time.Instant.now());
	}

	@Test
	void resetForgetsTheKey() {
		String key = unique("forgotten");
		exhaust("test-tight", key);
		assertThat(this.limiter.check("test-tight", key).allowed()).isFalse();

		this.limiter.reset("test-tight", key);

		assertThat(this.limiter.check("test-tight", key).allowed()).isTrue();
		assertThat(this.limiter.consume("test-tight", key).allowed()).isTrue();
	}

	@Test
	void onPostgresBucketsAreSharedRowsThatNameNoKeyAndExpire() {
		String key = unique("row.owner");
		String id = this.fingerprints.bucketId("test-tight", key);
		this.limiter.consume("test-tight", key);
		if (!TestDatabase.isPostgres()) {
			assertThat(bucketRows()).isZero();
			return;
		}
		assertThat(id).startsWith("test-tight:").doesNotContain(key);
		long expiresAt = this.jdbc.sql("SELECT expires_at FROM abuse_bucket WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single();
		// One token taken refills in 20 minutes; the row is kept a minute longer.
		assertThat(expiresAt - System.currentTimeMillis()).isBetween(20 * 60_000L, 21 * 60_000L + 1000);

		this.jdbc.sql("UPDATE abuse_bucket SET expires_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 1, id)
			.update();
		this.limiter.removeExpiredBuckets();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM abuse_bucket WHERE id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void jsonEndpointsAnswerTooManyRequestsWithAProblemDetailAndRetryAfter() {
		String token = adminToken();
		String key = unique("endpoint");
		for (int i = 0; i < 2; i++) {
			assertThat(this.http.get("/api/test/limited?key=" + key, "Authorization", bearer(token)).status())
				.isEqualTo(200);
		}

		Response refused = this.http.get("/api/test/limited?key=" + key, "Authorization", bearer(token));

		assertThat(refused.status()).isEqualTo(429);
		// 2 per minute: the next token comes 30 seconds after the first was taken.
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 30L);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = refused.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://latchkey.io/problems/rate-limited");
		assertThat(problem.get("code").asString()).isEqualTo("rate-limited");
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("title").asString()).isEqualTo("Too Many Requests");
		assertThat(problem.get("detail").asString()).isEqualTo("Too many attempts; try again later.");
		assertThat(refused.body()).doesNotContain(key).doesNotContain("test-endpoint");
	}

	private void exhaust(String purpose, String key) {
		while (this.limiter.consume(purpose, key).allowed()) {
			// Take every token.
		}
	}

	private long bucketRows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM abuse_bucket").query(Long.class).single();
	}

	private double rejections(String purpose) {
		var counter = this.meters.find(RateLimiter.REJECTIONS).tag("purpose", purpose).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String unique(String key) {
		return key + "-" + UUID.randomUUID();
	}

}
