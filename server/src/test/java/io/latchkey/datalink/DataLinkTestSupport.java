package io.latchkey.datalink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.latchkey.test.MutableClock;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * What data-link tests share: a clock the test can move, and steps to create a link, pass
 * its factor and use the lease, each from an address of its own so that tests do not
 * share the address limit.
 */
@Import(DataLinkTestSupport.Fixtures.class)
abstract class DataLinkTestSupport extends ServerTestSupport {

	static final String LEASE_COOKIE = "__Host-latchkey-lease";

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** Creates a link through the admin API; fails unless it answers 201. */
	JsonNode create(Map<String, Object> body) {
		Response response = this.http.postJson("/api/admin/data-links", body, "Authorization",
				TestHttp.bearer(adminToken()));
		if (response.status() != 201) {
			throw new IllegalStateException("data link not created: " + response);
		}
		return response.json();
	}

	static Map<String, Object> link(Object payload, Map<String, Object> factor, Object... more) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("payload", payload);
		body.put("factor", factor);
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return body;
	}

	static String idOf(JsonNode created) {
		String url = created.get("url").asString();
		return url.substring(url.lastIndexOf("/l/") + 3);
	}

	static Response requestLease(TestHttp http, String id, String factor) {
		return http.postJson("/api/data-links/" + id + "/lease", Map.of("factor", factor), "X-Forwarded-For",
				randomAddress());
	}

	Response requestLease(String id, String factor) {
		return requestLease(this.http, id, factor);
	}

	Lease lease(String id, String factor) {
		Response response = requestLease(id, factor);
		if (response.status() != 200) {
			throw new IllegalStateException("no lease: " + response);
		}
		return new Lease(response.json().get("lease").asString(), cookieValue(response.header("Set-Cookie")));
	}

	static String cookieValue(String setCookie) {
		return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
	}

	static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "203.0." + random.nextInt(114) + "." + (1 + random.nextInt(254));
	}

	/**
	 * A lease and the value of its cookie.
	 */
	record Lease(String token, String cookie) {

		String[] headers() {
			return new String[] { "Authorization", TestHttp.bearer(this.token), "Cookie",
					LEASE_COOKIE + "=" + this.cookie };
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}
