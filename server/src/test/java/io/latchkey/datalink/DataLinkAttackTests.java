package io.latchkey.datalink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.latchkey.test.Node;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on data links through real HTTP: guessing the factor, the right factor on a
 * locked link, leases without their cookie, for another link, expired, and session or
 * access tokens in place of a lease (and a lease in place of them), and a race of
 * submissions on two nodes.
 */
class DataLinkAttackTests extends DataLinkTestSupport {

	static final Map<String, Object> PAYLOAD = Map.of("resourceType", "Observation", "status", "final");

	@Test
	void fiveWrongFactorsLockTheLinkAndTheRightOneIsThenRefusedAlike() {
		JsonNode created = create(link(PAYLOAD, Map.of("type", "pin")));
		String id = idOf(created);
		String pin = created.get("pin").asString();
		String wrongPin = pin.equals("000000") ? "111111" : "000000";
		List<Response> refusals = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			refusals.add(requestLease(id, wrongPin));
		}
		Response rightButLocked = requestLease(id, pin);
		refusals.add(rightButLocked);
		refusals.add(requestLease("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", pin));
		for (Response refusal : refusals) {
			assertThat(refusal.status()).isEqualTo(403);
			assertThat(refusal.body()).isEqualTo(refusals.get(0).body());
		}
		String adminId = created.get("id").asString();
		assertThat(admin("/api/admin/data-links/" + adminId).json().get("status").asString()).isEqualTo("locked");
		assertThat(admin("/api/admin/data-links?status=locked&size=100").json().get("items").findValuesAsString("id"))
			.contains(adminId);

		assertThat(this.http
			.post("/api/admin/data-links/" + adminId + "/unlock", null, "", "Authorization", bearer(adminToken()))
			.status()).isEqualTo(204);
		assertThat(requestLease(id, pin).status()).isEqualTo(200);
	}

	@Test
	void aLeaseCountsOnlyWithItsCookieForItsOwnLinkUntilItExpires() {
		JsonNode first = create(link(PAYLOAD, Map.of("type", "pin")));
		JsonNode second = create(link(PAYLOAD, Map.of("type", "pin")));
		Lease lease = lease(idOf(first), first.get("pin").asString());
		Lease other = lease(idOf(second), second.get("pin").asString());
		String payload = "/api/data-links/" + idOf(first) + "/payload";

		assertInvalidLease(this.http.get(payload, "Authorization", bearer(lease.token())));
		assertInvalidLease(this.http.get(payload, "Authorization", bearer(lease.token()), "Cookie",
				LEASE_COOKIE + "=" + other.cookie()));
		assertInvalidLease(this.http.get(payload, other.headers()));
		assertInvalidLease(this.http.get(payload, "Cookie", LEASE_COOKIE + "=" + lease.cookie()));
		assertInvalidLease(this.http.get(payload, "Authorization", bearer(lease.token() + "x"), "Cookie",
				LEASE_COOKIE + "=" + lease.cookie()));
		assertThat(this.http.get(payload, lease.headers()).status()).isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(16));
		assertInvalidLease(this.http.get(payload, lease.headers()));
	}

	@Test
	void sessionAndAccessTokensAreNoLeaseAndALeaseIsNeitherOfThem() {
		JsonNode created = create(link(PAYLOAD, Map.of("type", "pin")));
		String id = idOf(created);
		Lease lease = lease(id, created.get("pin").asString());
		Response session = this.http.postJson("/api/session", Map.of("username", "admin", "password", ADMIN_PASSWORD));
		String sessionToken = session.json().get("token").asString();
		String sessionCookie = cookieValue(session.header("Set-Cookie"));

		assertInvalidLease(this.http.get("/api/data-links/" + id + "/payload", "Authorization", bearer(sessionToken),
				"Cookie", "__Host-latchkey-fgp=" + sessionCookie + "; " + LEASE_COOKIE + "=" + sessionCookie));
		assertInvalidLease(this.http.get("/api/data-links/" + id + "/payload", "Authorization", bearer(adminToken()),
				"Cookie", LEASE_COOKIE + "=" + lease.cookie()));

		String both = "__Host-latchkey-fgp=" + lease.cookie() + "; " + LEASE_COOKIE + "=" + lease.cookie();
		assertThat(
				this.http.get("/api/admin/data-links", "Authorization", bearer(lease.token()), "Cookie", both).status())
			.isEqualTo(401);
		assertThat(
				this.http.post("/api/session/renewal", null, "", "Authorization", bearer(lease.token()), "Cookie", both)
					.status())
			.isEqualTo(401);
	}

	@Test
	void ofThirtyConcurrentSubmissionsOnTwoNodesExactlyOneIsAccepted() throws Exception {
		JsonNode created = create(link(PAYLOAD, Map.of("type", "pin"), "allows_submission", true));
		String id = idOf(created);
		Lease lease = lease(id, created.get("pin").asString());
		try (Node other = Node.start(TestDatabase.url(), TestDatabase.username());
				ExecutorService pool = Executors.newFixedThreadPool(30)) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				TestHttp node = (i % 2 == 0) ? this.http : other.http;
				int n = i;
				answers.add(pool.submit(() -> {
					start.await();
					return node.postJson("/api/data-links/" + id + "/submission", Map.of("answer", n), lease.headers())
						.status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsOnly(202, 410);
			assertThat(statuses.stream().filter((status) -> status == 202)).hasSize(1);
		}
	}

	@Test
	void malformedRequestsGetProblemDetailsNeverA500() {
		JsonNode created = create(link(PAYLOAD, Map.of("type", "pin"), "allows_submission", true));
		String id = idOf(created);
		Lease lease = lease(id, created.get("pin").asString());
		String leasePath = "/api/data-links/" + id + "/lease";
		List<Response> answers = List.of(
				this.http.post(leasePath, "application/json", "{\"factor\": ", "X-Forwarded-For", randomAddress()),
				this.http.post(leasePath, "application/json", "[1, 2]", "X-Forwarded-For", randomAddress()),
				this.http.postJson(leasePath, Map.of("factor", Map.of("a", 1)), "X-Forwarded-For", randomAddress()),
				this.http.post(leasePath, "text/plain", "123456", "X-Forwarded-For", randomAddress()),
				this.http.get("/api/data-links/" + "x".repeat(3000) + "/payload", lease.headers()),
				this.http.get("/api/data-links/" + id + "/payload", "Authorization", "Bearer", "Cookie",
						LEASE_COOKIE + "=" + lease.cookie()),
				this.http.post("/api/data-links/" + id + "/submission", "application/json", "{not json",
						lease.headers()),
				this.http.get("/l/" + "%00".repeat(10)));
		for (Response answer : answers) {
			assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
		}
		assertThat(this.http.postJson("/api/data-links/" + id + "/submission", Map.of("ok", true), lease.headers())
			.status()).isEqualTo(202);
	}

	private static void assertInvalidLease(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
		assertThat(response.json().get("code").asString()).isEqualTo("invalid-lease");
	}

	Response admin(String path) {
		return this.http.get(path, "Authorization", TestHttp.bearer(adminToken()));
	}

}
