package io.latchkey.datalink;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may manage data links (staff create and revoke, only admins read), the lease cap,
 * search by tenant, and payload size.
 */
class DataLinkAdminTests extends DataLinkTestSupport {

	@Autowired
	UserAccounts users;

	@Autowired
	DataLinkCleanup cleanup;

	@Test
	void staffMayCreateAndRevokeButNotReadLinks() {
		this.users
			.create(new NewUserAccount("nurse.garcia", "a long nurse password", null, null, Set.of("staff"), null));
		Response session = this.http.postJson("/api/session",
				Map.of("username", "nurse.garcia", "password", "a long nurse password"));
		String[] staff = { "Authorization", bearer(session.json().get("token").asString()), "Cookie",
				"__Host-latchkey-fgp=" + cookieValue(session.header("Set-Cookie")) };

		Response created = this.http.postJson("/api/admin/data-links", link(Map.of("a", 1), Map.of("type", "pin")),
				staff);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(this.http.get("/api/admin/data-links/" + id, staff).status()).isEqualTo(403);
		assertThat(this.http.get("/api/admin/data-links", staff).status()).isEqualTo(403);
		assertThat(this.http.post("/api/admin/data-links/" + id + "/unlock", null, "", staff).status()).isEqualTo(403);
		assertThat(this.http.delete("/api/admin/data-links/" + id, staff).status()).isEqualTo(204);
		assertThat(this.http.get("/api/admin/data-links/" + id, "Authorization", bearer(adminToken()))
			.json()
			.get("status")
			.asString()).isEqualTo("revoked");
		assertThat(this.http.get("/api/admin/clients/demo-app", staff).status()).isEqualTo(403);
	}

	@Test
	void maxLeasesCapsHowOftenTheFactorMayBePassed() {
		JsonNode created = create(link(Map.of("a", 1), Map.of("type", "pin"), "max_leases", 2));
		String id = idOf(created);
		String pin = created.get("pin").asString();
		assertThat(requestLease(id, pin).status()).isEqualTo(200);
		assertThat(requestLease(id, pin).status()).isEqualTo(200);
		assertThat(requestLease(id, pin).status()).isEqualTo(410);
	}

	@Test
	void linksAreFoundByTenantAndStatus() {
		JsonNode north = create(link(Map.of("a", 1), Map.of("type", "pin"), "tenant", "clinic-north"));
		create(link(Map.of("a", 1), Map.of("type", "pin"), "tenant", "clinic-south"));
		JsonNode found = this.http
			.get("/api/admin/data-links?tenant=clinic-north&status=active", "Authorization", bearer(adminToken()))
			.json();
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(north.get("id").asString());
		assertThat(this.http.get("/api/admin/data-links?status=gone", "Authorization", bearer(adminToken())).status())
			.isEqualTo(400);
		assertThat(this.http
			.get("/api/admin/data-links/" + java.util.UUID.randomUUID(), "Authorization", bearer(adminToken()))
			.status()).isEqualTo(404);
	}

	@Test
	void linksAreDeletedWithTheirAnswersOnceRetentionHasPassedAfterExpiry() {
		JsonNode created = create(link(Map.of("a", 1), Map.of("type", "pin"), "expires_in", 3600));
		String id = created.get("id").asString();
		this.clock.advance(java.time.Duration.ofDays(89));
		this.cleanup.deleteExpired();
		assertThat(this.http.get("/api/admin/data-links/" + id, "Authorization", bearer(adminToken())).status())
			.isEqualTo(200);
		this.clock.advance(java.time.Duration.ofDays(2));
		assertThat(this.cleanup.deleteExpired()).isPositive();
		assertThat(this.http.get("/api/admin/data-links/" + id, "Authorization", bearer(adminToken())).status())
			.isEqualTo(404);
	}

	@Test
	void aPayloadOf256KilobytesIsTakenAndALargerOneRefused() {
		String text = "x".repeat(250 * 1024);
		JsonNode created = create(link(Map.of("note", text), Map.of("type", "pin")));
		assertThat(created.get("url").asString()).isNotBlank();

		Response tooLarge = this.http.postJson("/api/admin/data-links",
				link(Map.of("note", text, "more", "y".repeat(10 * 1024)), Map.of("type", "pin")), "Authorization",
				bearer(adminToken()));
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.json().get("detail").asString()).contains("payload");

		Response overTheBodyLimit = this.http.postJson("/api/admin/data-links",
				link(List.of("z".repeat(600 * 1024)), Map.of("type", "pin")), "Authorization", bearer(adminToken()));
		assertThat(overTheBodyLimit.status()).isEqualTo(413);
	}

}
