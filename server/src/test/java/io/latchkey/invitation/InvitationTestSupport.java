package io.latchkey.invitation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
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
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What invitation tests share: an SMTP server (GreenMail) and an SMS gateway on loopback
 * that capture what Latchkey sends, a clock the test can move, the events published, and
 * steps to create and redeem invitations.
 */
@Import(InvitationTestSupport.Fixtures.class)
abstract class InvitationTestSupport extends ServerTestSupport {

	static final String SMS_KEY = "sms-gateway-key-for-tests";

	static final int ADDRESS_LIMIT = 20;

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final List<SmsRequest> SMS = new CopyOnWriteArrayList<>();

	static final HttpServer SMS_GATEWAY = smsGateway();

	static final Pattern LINK = Pattern.compile("https?://\\S+\\?link=(\\S+~([A-Za-z0-9_-]+))");

	@Autowired
	MutableClock clock;

	@Autowired
	PublishedEvents events;

	@DynamicPropertySource
	static void deliveryRoutes(DynamicPropertyRegistry registry) {
		MAIL.start();
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("latchkey.delivery.sms.url",
				() -> "http://127.0.0.1:" + SMS_GATEWAY.getAddress().getPort() + "/messages");
		registry.add("latchkey.delivery.sms.api-key", () -> SMS_KEY);
		registry.add("latchkey.abuse.limits.invitation-ip.capacity", () -> ADDRESS_LIMIT);
		registry.add("latchkey.abuse.limits.invitation-ip.period", () -> "PT15M");
	}

	@BeforeEach
	void resetClock() {
		this.clock.reset();
	}

	@AfterEach
	void resetClockAfter() {
		this.clock.reset();
	}

	private static HttpServer smsGateway() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/messages", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				SMS.add(new SmsRequest(exchange.getRequestHeaders().getFirst("Authorization"),
						exchange.getRequestHeaders().getFirst("Content-Type"), body));
				exchange.sendResponseHeaders(202, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Creates an invitation through the admin API; fails unless it answers 201. */
	JsonNode create(TestInvitations invitation) {
		Response response = this.http.postJson("/api/admin/invitations", invitation.body(), "Authorization",
				TestHttp.bearer(adminToken()));
		if (response.status() != 201) {
			throw new IllegalStateException("invitation not created: " + response);
		}
		return response.json();
	}

	static String secretOf(String link) {
		Matcher matcher = LINK.matcher(link);
		if (!matcher.find()) {
			throw new IllegalStateException("no invitation link in: " + link);
		}
		return matcher.group(2);
	}

	/**
	 * Redeems from an address of its own, so that tests do not share the address limit.
	 */
	Response redeem(Object body) {
		return redeemFrom(this.http, randomAddress(), body);
	}

	static Response redeemFrom(TestHttp http, String address, Object body) {
		return http.postJson("/api/invitation", body, "X-Forwarded-For", address);
	}

	static Map<String, Object> secret(String secret) {
		return Map.of("secret", secret);
	}

	static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	Response exchange(JsonNode redeemed, String verifier) {
		return new AuthorizationCodeFlow(this.http).exchange(new Authorization(redeemed.get("client_id").asString(),
				redeemed.get("redirect_uri").asString(), redeemed.get("code").asString(), verifier));
	}

	/**
	 * What the SMS gateway received.
	 */
	record SmsRequest(String authorization, String contentType, String body) {

	}

	/**
	 * Collects the events the invitation module publishes.
	 */
	static class PublishedEvents {

		final List<Object> all = new CopyOnWriteArrayList<>();

		@EventListener
		void on(Object event) {
			if (event.getClass().getPackageName().equals(InvitationCreated.class.getPackageName())) {
				this.all.add(event);
			}
		}

		<T> List<T> of(Class<T> type) {
			return this.all.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

		@Bean
		PublishedEvents publishedEvents() {
			return new PublishedEvents();
		}

	}

}
