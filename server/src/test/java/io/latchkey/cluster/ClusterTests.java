package io.latchkey.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.latchkey.authorization.JwtParts;
import io.latchkey.shared.Secrets;
import io.latchkey.test.AuditRecords;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.Concurrently;
import io.latchkey.test.PersonAtBrowser;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import io.latchkey.test.Node;
import io.latchkey.test.TcpProxy;
import io.latchkey.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL schema share everything a person or an app can see: a
 * browser session, single-use state, refresh-token families, signing keys and the audit
 * chain. The second node reaches the database through a proxy the test can cut: cut off,
 * it answers 503 with Retry-After while the first keeps serving, and it serves again by
 * itself once the database is back, with nothing lost.
 * <p>
 * Proved across two nodes elsewhere, not repeated here: invitations
 * ({@code InvitationRedemptionTests.ofFiftyConcurrentRedemptionsOnTwoNodesExactlyOneSucceeds}),
 * data-link answers
 * ({@code DataLinkAttackTests.ofThirtyConcurrentSubmissionsOnTwoNodesExactlyOneIsAccepted}),
 * key rotations followed through an unknown key id and across restarts
 * ({@code SigningKeyNodesTests}), rate limits and lockouts
 * ({@code AbuseAcrossNodesTests}), and the webhook outbox
 * ({@code DataLinkWebhookTests.anAnswerStoredByANodeThatStoppedIsDeliveredByTheNextOne}).
 */
class ClusterTests extends ClusterTestSupport {

	/** How often the second node rereads the signing keys. */
	static final Duration KEY_RELOAD = Duration.ofSeconds(2);

	/** How long the second node's database connections stay cut. */
	static final Duration OUTAGE = Duration.ofSeconds(5);

	private static TcpProxy database;

	private static Node second;

	@BeforeAll
	static void startSecondNode() {
		if (!TestDatabase.isPostgres()) {
			return;
		}
		database = new TcpProxy("127.0.0.1", 5432);
		second = Node.start(TestDatabase.url().replace("127.0.0.1:5432", "127.0.0.1:" + database.port()),
				TestDatabase.username(), "latchkey.keys.reload-interval", KEY_RELOAD.toString());
	}

	@AfterAll
	static void stopSecondNode() {
		if (second != null) {
			second.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@Override
	TestHttp other() {
		return second.http;
	}

	Node second() {
		return second;
	}

	@Test
	void aBrowserSessionMovesBetweenNodesOnEveryRequest() {
		String username = person();
		TestHttp balancer = TestHttp.roundRobin(this.http, second().http);

		// Authorization request, login page, sign-in, consent and code exchange each
		// land on the other node than the step before.
		Tokens tokens = new AuthorizationCodeFlow(balancer).signIn(username, PASSWORD, "openid offline_access");

		assertThat(JwtParts.claims(tokens.accessToken()).get("preferred_username").asString()).isEqualTo(username);
		assertThat(tokens.refreshToken()).isNotBlank();
	}

	@Test
	void aSignInOnOneNodeIsKnownOnTheOther() {
		String username = person();
		PersonAtBrowser browser = new PersonAtBrowser(this.http, username, PASSWORD);
		assertThat(browser.open("/account").body()).contains(username);

		Response account = browser.request(second().http.base() + "/account");

		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).contains(username);
	}

	@Test
	void ofManyConcurrentLeaseRequestsOnTwoNodesOnlyTheAllowedNumberSucceed() throws Exception {
		JsonNode created = adminPost("/api/admin/data-links",
				Map.of("payload", Map.of("a", 1), "factor", Map.of("type", "pin"), "max_leases", 1));
		String url = created.get("url").asString();
		String id = url.substring(url.lastIndexOf("/l/") + 3);
		String pin = created.get("pin").asString();

		List<Integer> statuses = Concurrently.run(20,
				(i) -> node(i).postJson("/api/data-links/" + id + "/lease", Map.of("factor", pin)).status());

		assertThat(statuses).containsOnly(200, 410);
		assertThat(statuses.stream().filter((status) -> status == 200)).hasSize(1);
	}

	@Test
	void aUserCodeApprovedOnBothNodesAtOnceConnectsTheDeviceOnce() throws Exception {
		String clientId = "cluster-device-" + UUID.randomUUID();
		adminPost("/api/admin/clients",
				Map.of("client_id", clientId, "client_name", "Cluster device", "type", "public", "redirect_uris",
						List.of(), "grant_types", List.of(DEVICE_GRANT, "refresh_token"), "scopes",
						List.of("patient/*.rs")));
		JsonNode device = second().http
			.postForm("/oauth2/device_authorization", params("client_id", clientId, "scope", "patient/*.rs"))
			.json();
		String userCode = device.get("user_code").asString();
		List<PersonAtBrowser> people = List.of(new PersonAtBrowser(this.http, person(), PASSWORD),
				new PersonAtBrowser(second().http, person(), PASSWORD));

		List<Response> confirmations = Concurrently.run(2, (i) -> people.get(i).enter(userCode));
		List<Response> outcomes = Concurrently.run(2, (i) -> {
			Response confirmation = confirmations.get(i);
			return confirmation.body().contains("id=\"approve\"") ? people.get(i).approve(confirmation) : confirmation;
		});

		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isLessThan(500));
		List<Integer> connected = List.of(0, 1)
			.stream()
			.filter((i) -> outcomes.get(i).body().contains("Device connected"))
			.toList();
		assertThat(connected).hasSize(1);
		Response tokens = pollUntilDone(clientId, device.get("device_code").asString());
		assertThat(tokens.status()).isEqualTo(200);
		assertThat(JwtParts.claims(tokens.json().get("access_token").asString()).get("preferred_username").asString())
			.isEqualTo(people.get(connected.get(0)).username());
	}

	@Test
	void aRefreshTokenRotatedOnOneNodeAndReplayedOnTheOtherRevokesTheFamily() {
		AuthorizationCodeFlow first = new AuthorizationCodeFlow(this.http);
		Tokens original = first.signIn(person(), PASSWORD, "openid offline_access");
		Tokens rotated = Tokens.of(first.refresh(DEMO_CLIENT, original.refreshToken()));

		Response replayed = new AuthorizationCodeFlow(second().http).refresh(DEMO_CLIENT, original.refreshToken());

		assertThat(replayed.status()).isEqualTo(400);
		assertThat(replayed.json().get("error").asString()).isEqualTo("invalid_grant");
		for (TestHttp node : List.of(this.http, second().http)) {
			assertThat(isActive(node, rotated.refreshToken())).isFalse();
			assertThat(isActive(node, rotated.accessToken())).isFalse();
		}
		assertThat(first.refresh(DEMO_CLIENT, rotated.refreshToken()).status()).isEqualTo(400);
	}

	@Test
	void aKeyRotatedOnOneNodeSignsOnTheOtherWithinItsReloadInterval() {
		String before = adminToken();
		String kid = this.http.post("/api/admin/keys/rotate?alg=ES256", null, "", "Authorization", bearer(before))
			.json()
			.get("ES256")
			.asString();

		// The second node rereads the keys every KEY_RELOAD; nothing tells it of
		// the rotation.
		Instant deadline = Instant.now().plus(KEY_RELOAD.multipliedBy(3));
		String fromSecond;
		do {
			fromSecond = second().adminToken();
		}
		while (!JwtParts.header(fromSecond).contains("\"kid\":\"" + kid + "\"") && Instant.now().isBefore(deadline));

		assertThat(JwtParts.header(fromSecond)).contains("\"kid\":\"" + kid + "\"");
		assertThat(this.http.get("/api/admin/keys", "Authorization", bearer(fromSecond)).status()).isEqualTo(200);
		assertThat(second().http.get("/api/admin/keys", "Authorization", bearer(adminToken())).status()).isEqualTo(200);
		assertThat(second().http.get("/api/admin/keys", "Authorization", bearer(before)).status()).isEqualTo(200);
	}

	@Test
	void theAuditChainStaysValidUnderConcurrentAppendsFromBothNodes() throws Exception {
		String clientId = "cluster-audit-" + UUID.randomUUID();
		String secret = adminPost("/api/admin/clients",
				Map.of("client_id", clientId, "client_name", "Cluster audit", "type", "confidential", "redirect_uris",
						List.of(), "grant_types", List.of("client_credentials"), "scopes", List.of("patient/*.rs")))
			.get("client_secret")
			.asString();

		// Rounds of 24 stay under the client's per-address budget of 30 requests
		// in flight (each takes a token before its secret is checked).
		List<Integer> statuses = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			statuses.addAll(Concurrently.run(24,
					(i) -> node(i)
						.postForm("/oauth2/token", params("grant_type", "client_credentials"), "Authorization",
								basic(clientId, secret))
						.status()));
		}

		assertThat(statuses).hasSize(72).containsOnly(200);
		AuditRecords.awaitChained(this.jdbc);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'token.issued' AND actor = ?")
			.param(clientId)
			.query(Long.class)
			.single()).isEqualTo(72);
		for (TestHttp node : List.of(this.http, second().http)) {
			JsonNode verification = node.get("/api/admin/audit/verify", "Authorization", bearer(adminToken())).json();
			assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		}
	}

	@Test
	void aNodeCutOffFromTheDatabaseAnswers503AndServesAgainWithNothingLost() throws Exception {
		String clientId = "cluster-outage-" + UUID.randomUUID();
		String secret = adminPost("/api/admin/clients",
				Map.of("client_id", clientId, "client_name", "Cluster outage", "type", "confidential", "redirect_uris",
						List.of(), "grant_types", List.of("client_credentials"), "scopes", List.of("patient/*.rs")))
			.get("client_secret")
			.asString();
		List<Answer> answers = new CopyOnWriteArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		Instant recovered;
		try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
			List<Future<?>> load = IntStream.range(0, 4).<Future<?>>mapToObj((worker) -> threads.submit(() -> {
				for (int i = worker; running.get(); i++) {
					Response response = node(i).postForm("/oauth2/token", params("grant_type", "client_credentials"),
							"Authorization", basic(clientId, secret));
					answers.add(new Answer(i % 2, Instant.now(), response));
				}
			})).toList();
			Thread.sleep(1000);
			database.cut();
			Thread.sleep(OUTAGE.toMillis());
			database.restore();
			recovered = Instant.now();
			Instant deadline = recovered.plus(Duration.ofSeconds(30));
			while (answers.getLast().node() != 1 || answers.getLast().response().status() != 200) {
				assertThat(Instant.now()).isBefore(deadline);
				Thread.sleep(100);
			}
			Thread.sleep(1000);
			running.set(false);
			for (Future<?> worker : load) {
				worker.get();
			}
		}

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.response().status()).as(answer.response().toString()).isIn(200, 503);
			if (answer.response().status() == 503) {
				assertThat(answer.node()).isEqualTo(1);
				assertThat(answer.response().header("Retry-After")).isNotBlank();
				assertThat(answer.response().json().get("error").asString()).isEqualTo("temporarily_unavailable");
			}
		});
		assertThat(answers).filteredOn((answer) -> answer.response().status() == 503).isNotEmpty();
		assertThat(answers).filteredOn((answer) -> answer.node() == 1 && answer.at().isAfter(recovered))
			.anySatisfy((answer) -> assertThat(answer.response().status()).isEqualTo(200));
		// Every token handed out is stored, and audited once, whichever node issued it.
		List<String> issued = answers.stream()
			.filter((answer) -> answer.response().status() == 200)
			.map((answer) -> Secrets.sha256Hex(answer.response().json().get("access_token").asString()))
			.toList();
		List<String> stored = this.jdbc
			.sql("SELECT a.access_token_hash FROM oauth2_authorization a JOIN oauth2_registered_client c "
					+ "ON c.id = a.registered_client_id WHERE c.client_id = ?")
			.param(clientId)
			.query(String.class)
			.list();
		assertThat(stored).containsAll(issued);
		AuditRecords.awaitChained(this.jdbc);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'token.issued' AND actor = ?")
			.param(clientId)
			.query(Integer.class)
			.single()).isEqualTo(stored.size());
		JsonNode verification = this.http.get("/api/admin/audit/verify", "Authorization", bearer(adminToken())).json();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
	}

	private Response pollUntilDone(String clientId, String deviceCode) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		Response response;
		do {
			Thread.sleep(1100);
			response = node((int) (System.nanoTime() & 1)).postForm("/oauth2/token",
					params("grant_type", DEVICE_GRANT, "device_code", deviceCode, "client_id", clientId));
		}
		while (response.status() != 200 && Instant.now().isBefore(deadline));
		return response;
	}

	/** What a node (0 or 1) answered, and when. */
	private record Answer(int node, Instant at, Response response) {

	}

}
