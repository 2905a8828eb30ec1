package io.latchkey.datalink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.latchkey.test.Node;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers reach the tenant's configured webhook: signed with HMAC-SHA256, retried with
 * back-off after failures under one idempotency key, and delivered by another node after
 * the node that stored them went away.
 */
class DataLinkWebhookTests extends DataLinkTestSupport {

	static final String SECRET = "north-webhook-secret-for-tests";

	static final Receiver NORTH = new Receiver(0, 2);

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void webhooks(DynamicPropertyRegistry registry) {
		registry.add("latchkey.data-links.webhooks.north.url", () -> NORTH.url());
		registry.add("latchkey.data-links.webhooks.north.secret", () -> SECRET);
		registry.add("latchkey.data-links.webhook-poll-interval", () -> "PT0.2S");
		registry.add("latchkey.data-links.webhook-retry-initial", () -> "PT0.2S");
	}

	@Test
	void anAnswerIsSignedAndRetriedUntilTheReceiverTakesIt() throws Exception {
		JsonNode created = create(
				link(Map.of("a", 1), Map.of("type", "pin"), "tenant", "north", "allows_submission", true));
		String id = idOf(created);
		Lease lease = lease(id, created.get("pin").asString());
		assertThat(this.http.postJson("/api/data-links/" + id + "/submission", Map.of("contacts", 2), lease.headers())
			.status()).isEqualTo(202);

		List<Delivery> received = NORTH.await(3);
		assertThat(received).extracting(Delivery::status).containsExactly(500, 500, 200);
		assertThat(received).extracting(Delivery::idempotencyKey).containsOnly(received.get(0).idempotencyKey());
		Delivery last = received.get(2);
		assertSigned(last, SECRET);
		JsonNode body = JsonMapper.builder().build().readTree(last.body());
		assertThat(body.get("data_link_id").asString()).isEqualTo(created.get("id").asString());
		assertThat(body.get("tenant").asString()).isEqualTo("north");
		assertThat(body.get("answer").get("contacts").asInt()).isEqualTo(2);
		await(() -> this.jdbc.sql("SELECT COUNT(*) FROM data_link_webhook WHERE delivered_at IS NOT NULL AND id = ?")
			.param(java.util.UUID.fromString(last.idempotencyKey()))
			.query(Integer.class)
			.single() == 1);
		Thread.sleep(600);
		assertThat(NORTH.deliveries).hasSize(3);
	}

	@Test
	void anAnswerStoredByANodeThatStoppedIsDeliveredByTheNextOne() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String[] south = { "latchkey.data-links.webhooks.south.url", "http://127.0.0.1:" + port + "/hook",
				"latchkey.data-links.webhooks.south.secret", "south-webhook-secret-for-tests",
				"latchkey.data-links.webhook-poll-interval", "PT0.2S", "latchkey.data-links.webhook-retry-initial",
				"PT0.2S", "latchkey.data-links.webhook-retry-max", "PT1S", "latchkey.bootstrap.demo-client", "false" };
		String linkId;
		try (Node first = Node.start(TestDatabase.url(), TestDatabase.username(), south)) {
			JsonNode created = created(first.http.postJson("/api/admin/data-links",
					link(Map.of("a", 1), Map.of("type", "pin"), "tenant", "south", "allows_submission", true),
					"Authorization", TestHttp.bearer(first.adminToken())));
			linkId = created.get("id").asString();
			String id = idOf(created);
			TestHttp.Response granted = requestLease(first.http, id, created.get("pin").asString());
			Lease lease = new Lease(granted.json().get("lease").asString(), cookieValue(granted.header("Set-Cookie")));
			assertThat(first.http.postJson("/api/data-links/" + id + "/submission", Map.of("b", 2), lease.headers())
				.status()).isEqualTo(202);
			await(() -> attempts(linkId) >= 1);
		}
		Receiver receiver = new Receiver(port, 0);
		try (Node second = Node.start(TestDatabase.url(), TestDatabase.username(), south)) {
			List<Delivery> received = receiver.await(1);
			assertThat(received.get(0).status()).isEqualTo(200);
			assertSigned(received.get(0), "south-webhook-secret-for-tests");
			assertThat(received.get(0).body()).contains(linkId).contains("\"b\":2");
		}
		finally {
			receiver.server.stop(0);
		}
	}

	private int attempts(String linkId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(attempts), 0) FROM data_link_webhook WHERE link_id = ?")
			.param(java.util.UUID.fromString(linkId))
			.query(Integer.class)
			.single();
	}

	private static JsonNode created(TestHttp.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private static void assertSigned(Delivery delivery, String secret) {
		String[] parts = delivery.signature().split(",");
		long timestamp = Long.parseLong(parts[0].substring(2));
		assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(3600);
		String expected = WebhookSender.sign(secret, timestamp, delivery.body().getBytes(StandardCharsets.UTF_8));
		assertThat(MessageDigest.isEqual(parts[1].substring(3).getBytes(), expected.getBytes())).isTrue();
		assertThat(WebhookSender.sign("another secret entirely", timestamp,
				delivery.body().getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(parts[1].substring(3));
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited too long").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	/**
	 * What the receiver got, and what it answered.
	 */
	record Delivery(String idempotencyKey, String signature, String body, int status) {

	}

	/**
	 * A webhook receiver on loopback that fails a number of times before it accepts.
	 */
	static final class Receiver {

		final HttpServer server;

		final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

		Receiver(int port, int failures) {
			AtomicInteger failuresLeft = new AtomicInteger(failures);
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.createContext("/hook", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				int status = (failuresLeft.getAndDecrement() > 0) ? 500 : 200;
				this.deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
						exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE), body, status));
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
		}

		List<Delivery> await(int count) throws InterruptedException {
			DataLinkWebhookTests.await(() -> this.deliveries.size() >= count);
			return List.copyOf(this.deliveries);
		}

	}

}
