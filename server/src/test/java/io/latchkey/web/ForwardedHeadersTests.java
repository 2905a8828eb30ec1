package io.latchkey.web;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no trusted proxies (the default), {@code X-Forwarded-*} headers are the client's
 * own words: a rotating {@code X-Forwarded-For} from loopback is still loopback to the
 * rate limits, and {@code X-Forwarded-Proto: https} does not make a plain request HTTPS.
 */
class ForwardedHeadersTests extends ServerTestSupport {

	@Autowired
	RateLimiter limiter;

	@Test
	void aRotatingForwardedForDoesNotEscapeTheInvitationLimitOfLoopback() {
		TestHttp loopback = new TestHttp("http://127.0.0.1:" + this.port);
		try {
			for (int i = 0; i < 5; i++) {
				spendLoopbacksBudget();
				Response refused = loopback.postJson("/api/invitation", Map.of("secret", "AAAAAAAAAAAAAAAAAAAAAAAA"),
						"X-Forwarded-For", randomAddress());
				assertThat(refused.status()).isEqualTo(429);
			}
		}
		finally {
			this.limiter.reset("invitation-ip", "127.0.0.1");
		}
	}

	private void spendLoopbacksBudget() {
		for (int i = 0; i < 100_000 && this.limiter.consume("invitation-ip", "127.0.0.1").allowed(); i++) {
			// As a guesser would.
		}
	}

	@Test
	void aForwardedProtoFromAnUntrustedPeerGetsNoHsts() {
		Response page = this.http.get("/login", "Accept", "text/html", "X-Forwarded-Proto", "https");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Strict-Transport-Security")).isNull();
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

}
