package io.latchkey.audit;

import java.time.Instant;
import java.util.UUID;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.audit.AuditTables.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/admin/audit}: filters, pages, refuses bad parameters with problem
 * details and answers only admins.
 */
class AuditApiTests extends ServerTestSupport {

	@Autowired
	AuditChainer chainer;

	@Autowired
	AuditLog log;

	String token;

	@BeforeEach
	void signIn() {
		this.token = adminToken();
	}

	@Test
	void filtersBySubjectAndTypeNewestFirst() {
		String subject = "subject-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			this.log.append(entry("test.api", subject));
		}
		this.log.append(entry("test.other", subject));

		JsonNode page = search("?type=test.api&subject=" + subject);

		assertThat(page.get("items")).hasSize(3);
		assertThat(page.get("has_more").asBoolean()).isFalse();
		JsonNode newest = page.get("items").get(0);
		assertThat(newest.get("type").asString()).isEqualTo("test.api");
		assertThat(newest.get("subject").asString()).isEqualTo(subject);
		assertThat(newest.get("id").asLong()).isGreaterThan(page.get("items").get(1).get("id").asLong());
		assertThat(newest.get("hash").asString()).hasSize(64);
		assertThat(newest.get("detail").isObject()).isTrue();
	}

	@Test
	void pagesAndTimeRange() {
		String subject = "subject-" + UUID.randomUUID();
		Instant before = Instant.now().minusSeconds(1);
		for (int i = 0; i < 5; i++) {
			this.log.append(entry("test.page", subject));
		}

		JsonNode first = search("?subject=" + subject + "&size=2&page=0");
		JsonNode last = search("?subject=" + subject + "&size=2&page=2");

		assertThat(first.get("items")).hasSize(2);
		assertThat(first.get("has_more").asBoolean()).isTrue();
		assertThat(last.get("items")).hasSize(1);
		assertThat(last.get("has_more").asBoolean()).isFalse();
		assertThat(
				search("?subject=" + subject + "&from=" + before + "&to=" + Instant.now().plusSeconds(60)).get("items"))
			.hasSize(5);
		assertThat(search("?subject=" + subject + "&to=" + before).get("items")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "?size=501", "?size=0", "?size=ten", "?page=-1", "?page=99999999999999", "?from=yesterday",
			"?to=2025-13-01T00:00:00Z", "?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", "?type=DROP%20TABLE",
			"?subject=" })
	void badParametersAreProblemDetails(String query) {
		Response response = this.http.get("/api/admin/audit" + query, "Authorization", TestHttp.bearer(this.token));

		assertThat(response.status()).as(query).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("invalid-request");
	}

	@Test
	void onlyAdminsMaySearch() {
		assertThat(this.http.get("/api/admin/audit").status()).isEqualTo(401);
	}

	private JsonNode search(String query) {
		this.chainer.chainPending();
		Response response = this.http.get("/api/admin/audit" + query, "Authorization", TestHttp.bearer(this.token));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
