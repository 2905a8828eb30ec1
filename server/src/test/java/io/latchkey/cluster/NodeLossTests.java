package io.latchkey.cluster;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import io.latchkey.test.AuditRecords;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.NodeProcess;
import io.latchkey.test.Pkce;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.test.AuthorizationCodeFlow.DEMO_CLIENT;
import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed mid-load (SIGKILL: a process of its own, its connections dropped
 * mid-transaction) leaves nothing half done: the other node keeps serving, every flow a
 * client then retries there ends, no link is half redeemed, and no token family is left
 * both revoked and active.
 */
class NodeLossTests extends ClusterTestSupport {

	private static final int FAMILIES_PER_WORKER = 3;

	private static NodeProcess doomed;

	private final AtomicBoolean running = new AtomicBoolean(true);

	/** What the surviving node answered, for any request. */
	private final List<Integer> survivorAnswers = new CopyOnWriteArrayList<>();

	private final AtomicInteger servedByDoomed = new AtomicInteger();

	private final AtomicInteger lostInFlight = new AtomicInteger();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startTheNodeToKill() {
		if (TestDatabase.isPostgres()) {
			doomed = NodeProcess.start(TestDatabase.url(), TestDatabase.username(),
					Path.of("target", "node-loss", "doomed-node.log"));
		}
	}

	@AfterAll
	static void stopIt() {
		if (doomed != null) {
			doomed.close();
		}
	}

	@Override
	TestHttp other() {
		return doomed.http;
	}

	@Test
	void aNodeKilledMidLoadLeavesNothingHalfDone() throws Exception {
		List<String> invitations = new CopyOnWriteArrayList<>();
		List<String> links = new CopyOnWriteArrayList<>();
		List<Family> families = new CopyOnWriteArrayList<>();
		List<Runnable> workers = new ArrayList<>();
		for (int w = 0; w < 2; w++) {
			workers.add(() -> invitations.add(redeemAnInvitation()));
			workers.add(() -> links.add(answerADataLink()));
			List<Family> owned = new ArrayList<>();
			for (int f = 0; f < FAMILIES_PER_WORKER; f++) {
				owned.add(new Family(
						new AuthorizationCodeFlow(this.http).signIn(person(), PASSWORD, "openid offline_access")));
			}
			families.addAll(owned);
			workers.add(() -> {
				owned.forEach(this::refresh);
				if (owned.stream().allMatch((family) -> family.revoked)) {
					LockSupport.parkNanos(50_000_000);
				}
			});
		}

		try (ExecutorService threads = Executors.newFixedThreadPool(workers.size())) {
			List<Future<?>> load = workers.stream().<Future<?>>map((work) -> threads.submit(() -> {
				while (this.running.get()) {
					work.run();
				}
			})).toList();
			Thread.sleep(2000);
			doomed.kill();
			Thread.sleep(2000);
			this.running.set(false);
			for (Future<?> worker : load) {
				worker.get();
			}
		}

		assertThat(this.failures).isEmpty();
		assertThat(this.servedByDoomed.get()).isPositive();
		assertThat(this.survivorAnswers).isNotEmpty().allSatisfy((status) -> assertThat(status).isLessThan(500));
		for (String id : invitations) {
			assertThat(count("SELECT COUNT(*) FROM invitation WHERE id = ?::uuid AND redeemed_at IS NOT NULL", id))
				.isEqualTo(1);
			assertThat(count("SELECT COUNT(*) FROM invitation_redemption WHERE invitation_id = ?::uuid", id))
				.isPositive();
		}
		for (String id : links) {
			assertThat(count("SELECT COUNT(*) FROM data_link WHERE id = ?::uuid AND used_at IS NOT NULL", id))
				.isEqualTo(1);
			assertThat(count("SELECT COUNT(*) FROM data_link_submission WHERE link_id = ?::uuid", id)).isEqualTo(1);
		}
		for (Family family : families) {
			boolean refreshActive = isActive(this.http, family.tokens.refreshToken());
			assertThat(isActive(this.http, family.tokens.accessToken())).isEqualTo(refreshActive);
			assertThat(refreshActive).isEqualTo(!family.revoked);
		}
		AuditRecords.awaitChained(this.jdbc);
		JsonNode verification = this.http.get("/api/admin/audit/verify", "Authorization", bearer(adminToken())).json();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		System.out.printf(
				"node loss: %d requests served by the killed node, %d lost in flight, %d answers "
						+ "from the survivor%n",
				this.servedByDoomed.get(), this.lostInFlight.get(), this.survivorAnswers.size());
	}

	/**
	 * Redeems an invitation as an app with its own challenge does, retrying on the other
	 * node when the answer is lost; answers the invitation's id.
	 */
	private String redeemAnInvitation() {
		JsonNode created = adminPost("/api/admin/invitations",
				Map.of("client_id", DEMO_CLIENT, "subject", "patient-" + UUID.randomUUID(), "scope", "openid"));
		String link = created.get("link").asString();
		Pkce pkce = Pkce.create();
		Map<String, String> request = Map.of("secret", link.substring(link.lastIndexOf('~') + 1), "code_challenge",
				pkce.challenge(), "code_challenge_method", "S256");
		Response redeemed = preferringTheDoomedNode((node) -> node.postJson("/api/invitation", request));
		if (redeemed.status() != 200) {
			this.failures.add("redemption answered " + redeemed);
			return created.get("id").asString();
		}
		JsonNode code = redeemed.json();
		Response tokens = survivor(new AuthorizationCodeFlow(this.http).exchange(new Authorization(DEMO_CLIENT,
				code.get("redirect_uri").asString(), code.get("code").asString(), pkce.verifier())));
		if (tokens.status() != 200) {
			this.failures.add("code exchange answered " + tokens);
		}
		return created.get("id").asString();
	}

	/**
	 * Passes a data link's factor and answers it, the answer retried on the other node
	 * when lost; answers the link's id.
	 */
	private String answerADataLink() {
		JsonNode created = adminPost("/api/admin/data-links",
				Map.of("payload", Map.of("a", 1), "factor", Map.of("type", "pin"), "allows_submission", true));
		String url = created.get("url").asString();
		String path = "/api/data-links/" + url.substring(url.lastIndexOf("/l/") + 3);
		Response lease = survivor(this.http.postJson(path + "/lease", Map.of("factor", created.get("pin").asString())));
		String cookie = lease.header("Set-Cookie");
		String[] headers = { "Authorization", bearer(lease.json().get("lease").asString()), "Cookie",
				cookie.substring(0, cookie.indexOf(';')) };
		AtomicBoolean retried = new AtomicBoolean();
		Response answered = preferringTheDoomedNode((node) -> {
			retried.set(node == this.http);
			return node.postJson(path + "/submission", Map.of("answer", 1), headers);
		});
		// A retry finds the link used when the lost attempt had committed.
		if (answered.status() != 202 && !(retried.get() && answered.status() == 410)) {
			this.failures.add("submission answered " + answered);
		}
		return created.get("id").asString();
	}

	/**
	 * Rotates a family's refresh token. When the answer is lost the client retries with
	 * the token it has; if the lost rotation had committed, that is a replay and revokes
	 * the family, as a lost answer does with a single node.
	 */
	private void refresh(Family family) {
		if (family.revoked || !this.running.get()) {
			return;
		}
		Response response = preferringTheDoomedNode(
				(node) -> new AuthorizationCodeFlow(node).refresh(DEMO_CLIENT, family.tokens.refreshToken()));
		if (response.status() == 200) {
			family.tokens = Tokens.of(response);
		}
		else if (response.status() == 400 && "invalid_grant".equals(response.json().get("error").asString())) {
			family.revoked = true;
		}
		else {
			this.failures.add("refresh answered " + response);
		}
	}

	private Response preferringTheDoomedNode(Function<TestHttp, Response> request) {
		if (doomed.isAlive()) {
			try {
				Response response = request.apply(doomed.http);
				this.servedByDoomed.incrementAndGet();
				return response;
			}
			catch (UncheckedIOException ex) {
				this.lostInFlight.incrementAndGet();
			}
		}
		return survivor(request.apply(this.http));
	}

	private Response survivor(Response response) {
		this.survivorAnswers.add(response.status());
		return response;
	}

	private long count(String sql, String id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

	/** A refresh-token family as its client holds it. */
	private static final class Family {

		volatile Tokens tokens;

		volatile boolean revoked;

		Family(Tokens tokens) {
			this.tokens = tokens;
		}

	}

}
