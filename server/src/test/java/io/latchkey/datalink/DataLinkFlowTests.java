package io.latchkey.datalink;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data link from creation to its one answer, through real HTTP: visits consume nothing,
 * wrong factors are refused, the lease reads the frozen payload, an invalid answer is
 * refused naming the field, a valid one uses the link up, and everything after answers
 * 410. No secret reaches a log line or the audit log.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataLinkFlowTests extends DataLinkTestSupport {

	static final Map<String, Object> OBSERVATION = Map.of("resourceType", "Observation", "status", "final", "code",
			Map.of("text", "Hemoglobin"), "valueQuantity", Map.of("value", 13.2, "unit", "g/dL"));

	static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("contacts"), "properties",
			Map.of("contacts",
					Map.of("type", "array", "items",
							Map.of("type", "object", "required", List.of("name", "phone"), "properties",
									Map.of("name", Map.of("type", "string"), "phone", Map.of("type", "string"))))));

	@Autowired
	JdbcClient jdbc;

	@Test
	void fromCreationToTheOneAnswer(CapturedOutput output) throws SQLException {
		JsonNode created = create(link(OBSERVATION, Map.of("type", "dob", "value", "1980-04-02"), "schema", SCHEMA));
		String id = idOf(created);
		String adminId = created.get("id").asString();
		assertThat(created.get("url").asString()).startsWith("http://localhost:9000/l/");
		assertThat(id).matches("[A-Za-z0-9_-]{32}");
		assertThat(created.has("pin")).isFalse();

		assertThat(this.http.get("/l/" + id).status()).isEqualTo(200);
		assertThat(this.http.send(
				this.http.request("/l/" + id).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build())
			.status()).isEqualTo(200);
		assertThat(this.http.get("/l/" + id, "User-Agent", "Slackbot-LinkExpanding 1.0").status()).isEqualTo(200);
		assertThat(admin("/api/admin/data-links/" + adminId).json().get("status").asString()).isEqualTo("visited");
		assertThat(admin("/api/admin/data-links/" + adminId + "/visits").json().get("items")).hasSize(2);

		for (String wrong : List.of("1980-02-04", "1981-04-02", "not a date", "")) {
			Response refused = requestLease(id, wrong);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.json().get("code").asString()).isEqualTo("factor-rejected");
		}
		Response granted = requestLease(id, "2 April 1980");
		assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		assertThat(granted.header("Cache-Control")).contains("no-store");
		assertThat(granted.header("Set-Cookie")).startsWith(LEASE_COOKIE + "=")
			.contains("HttpOnly")
			.contains("Secure")
			.contains("SameSite=Strict");
		assertThat(granted.json().get("expires_in").asLong()).isBetween(1L, 900L);
		Lease lease = new Lease(granted.json().get("lease").asString(), cookieValue(granted.header("Set-Cookie")));
		assertThat(new String(java.util.Base64.getUrlDecoder().decode(lease.token().split("\\.")[0])))
			.contains("latchkey-lease+jwt")
			.contains("ES256");

		Response payload = this.http.get("/api/data-links/" + id + "/payload", lease.headers());
		assertThat(payload.status()).isEqualTo(200);
		assertThat(payload.json()).isEqualTo(JsonMapper.builder().build().valueToTree(OBSERVATION));
		assertThat(this.http.get("/api/data-links/" + id + "/payload", lease.headers()).status()).isEqualTo(200);

		Response invalid = this.http.postJson("/api/data-links/" + id + "/submission",
				Map.of("contacts", List.of(Map.of("name", "Ana"))), lease.headers());
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
		assertThat(invalid.json().get("code").asString()).isEqualTo("invalid-answer");
		assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("/contacts/0/phone");
		assertThat(invalid.json().get("detail").asString()).contains("/contacts/0/phone");

		Map<String, Object> answer = Map.of("contacts", List.of(Map.of("name", "Ana", "phone", "+34 600 000 000")));
		assertThat(this.http.postJson("/api/data-links/" + id + "/submission", answer, lease.headers()).status())
			.isEqualTo(202);

		assertThat(this.http.get("/api/data-links/" + id + "/payload", lease.headers()).status()).isEqualTo(410);
		assertThat(this.http.postJson("/api/data-links/" + id + "/submission", answer, lease.headers()).status())
			.isEqualTo(410);
		assertThat(this.http.post("/api/data-links/" + id + "/use", null, "", lease.headers()).status()).isEqualTo(410);
		assertThat(requestLease(id, "1980-04-02").status()).isEqualTo(410);
		assertThat(this.http.get("/l/" + id).status()).isEqualTo(410);

		JsonNode link = admin("/api/admin/data-links/" + adminId).json();
		assertThat(link.get("status").asString()).isEqualTo("used");
		assertThat(link.get("used_by").asString()).isEqualTo("submission");
		Response submission = admin("/api/admin/data-links/" + adminId + "/submission");
		assertThat(submission.json()).isEqualTo(JsonMapper.builder().build().valueToTree(answer));
		JsonNode attempts = admin("/api/admin/data-links/" + adminId + "/attempts").json().get("items");
		assertThat(attempts).hasSize(5);
		assertThat(attempts.get(4).get("outcome").asString()).isEqualTo("passed");

		String audit = this.jdbc
			.sql("SELECT event_type, subject, detail, user_agent FROM audit_event UNION ALL "
					+ "SELECT event_type, subject, detail, user_agent FROM audit_pending")
			.query((rs, row) -> rs.getString("event_type") + " " + rs.getString("subject") + " "
					+ rs.getString("detail") + " " + rs.getString("user_agent"))
			.list()
			.toString();
		assertThat(audit).contains("data-link.created", "data-link.visited", "data-link.factor-rejected",
				"data-link.lease-granted", "data-link.payload-read", "data-link.submitted",
				"data-link.submission-read");
		String stored = this.jdbc.sql("SELECT * FROM data_link").query((rs, row) -> {
			StringBuilder columns = new StringBuilder();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				Object value = rs.getObject(i);
				columns
					.append(value instanceof byte[] bytes
							? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : value)
					.append(' ');
			}
			return columns.toString();
		}).list().toString();
		for (String secret : List.of(id, "1980-04-02", lease.token(), lease.cookie(), "Hemoglobin", "600 000 000")) {
			assertThat(output.getAll()).as("a secret in the log").doesNotContain(secret);
			assertThat(audit).as("a secret in the audit log").doesNotContain(secret);
			assertThat(stored).as("a secret in the data_link table").doesNotContain(secret);
		}
		assertThat(output.getAll()).contains("GET /l/{id} 200").contains("POST /api/data-links/{id}/lease 200");
	}

	@Test
	void aPinIsGeneratedReturnedOnceAndTheHolderMayMarkTheLinkUsed() {
		JsonNode created = create(link(Map.of("note", "Your appointment is on Monday"), Map.of("type", "pin")));
		String pin = created.get("pin").asString();
		assertThat(pin).matches("\\d{6}");
		String id = idOf(created);
		Lease lease = lease(id, pin);

		assertThat(
				this.http.postJson("/api/data-links/" + id + "/submission", Map.of("a", 1), lease.headers()).status())
			.isEqualTo(409);
		assertThat(this.http.post("/api/data-links/" + id + "/use", null, "", lease.headers()).status()).isEqualTo(204);
		assertThat(this.http.get("/api/data-links/" + id + "/payload", lease.headers()).status()).isEqualTo(410);
		assertThat(admin("/api/admin/data-links/" + created.get("id").asString()).json().get("used_by").asString())
			.isEqualTo("holder");
	}

	@Test
	void revokedAndExpiredLinksAnswer410() {
		JsonNode revoked = create(link(OBSERVATION, Map.of("type", "dob", "value", "02/04/1980")));
		Lease lease = lease(idOf(revoked), "1980-04-02");
		assertThat(this.http
			.delete("/api/admin/data-links/" + revoked.get("id").asString(), "Authorization", bearer(adminToken()))
			.status()).isEqualTo(204);
		assertThat(this.http.get("/api/data-links/" + idOf(revoked) + "/payload", lease.headers()).status())
			.isEqualTo(410);
		assertThat(requestLease(idOf(revoked), "1980-04-02").status()).isEqualTo(410);

		JsonNode expiring = create(link(OBSERVATION, Map.of("type", "dob", "value", "1980-04-02"), "expires_in", 3600));
		this.clock.advance(java.time.Duration.ofMinutes(61));
		assertThat(requestLease(idOf(expiring), "1980-04-02").status()).isEqualTo(410);
		assertThat(this.http.get("/l/" + idOf(expiring)).status()).isEqualTo(410);
		JsonNode found = admin("/api/admin/data-links?status=expired&size=100").json();
		assertThat(found.get("items").findValuesAsString("id")).contains(expiring.get("id").asString());
	}

	@Test
	void theAdminApiRefusesBadRequestsWithProblemDetails() {
		for (Map<String, Object> body : List.of(link(OBSERVATION, Map.of("type", "dob")),
				link(OBSERVATION, Map.of("type", "dob", "value", "sometime")),
				link(OBSERVATION, Map.of("type", "iris")), link(OBSERVATION, Map.of("type", "pin", "value", "123456")),
				link(OBSERVATION, Map.of("type", "email_otp")),
				link(OBSERVATION, Map.of("type", "pin"), "schema", Map.of("$ref", "https://example.org/s.json")),
				link(OBSERVATION, Map.of("type", "pin"), "expires_in", 999_999_999))) {
			Response refused = this.http.postJson("/api/admin/data-links", body, "Authorization", bearer(adminToken()));
			assertThat(refused.status()).as(body.toString()).isEqualTo(400);
			assertThat(refused.json().get("code").asString()).isEqualTo("invalid-request");
		}
		assertThat(this.http.postJson("/api/admin/data-links", link(OBSERVATION, Map.of("type", "pin"))).status())
			.isEqualTo(401);
	}

	Response admin(String path) {
		return this.http.get(path, "Authorization", TestHttp.bearer(adminToken()));
	}

}
