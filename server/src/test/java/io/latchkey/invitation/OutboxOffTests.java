package io.latchkey.invitation;

import java.util.Map;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev outbox is not set either way here. On PostgreSQL (a production database) it is
 * off: a message without a route fails instead of waiting where an admin token can read
 * its link, the invitation stays usable, and the outbox is not there. On the embedded H2
 * default it is on.
 */
class OutboxOffTests extends ServerTestSupport {

	@Test
	void onlyTheEmbeddedDatabaseKeepsUndeliverableMessagesInTheOutbox() {
		String admin = bearer(adminToken());
		Response created = this.http.postJson("/api/admin/invitations",
				TestInvitations.invitation().email("nowhere@example.org").body(), "Authorization", admin);
		assertThat(created.status()).isEqualTo(201);
		String link = created.json().get("link").asString();
		Response outbox = this.http.get("/api/admin/outbox", "Authorization", admin);

		if (TestDatabase.isPostgres()) {
			assertThat(created.json().get("delivery").get(0).get("route").asString()).isEqualTo("failed");
			assertThat(outbox.status()).isEqualTo(404);
			assertThat(outbox.header("Content-Type")).startsWith("application/problem+json");
			assertThat(outbox.json().get("code").asString()).isEqualTo("not-found");
			assertThat(outbox.body()).doesNotContain(link);
		}
		else {
			assertThat(created.json().get("delivery").get(0).get("route").asString()).isEqualTo("outbox");
			assertThat(outbox.status()).isEqualTo(200);
			assertThat(outbox.body()).contains(link);
		}
		Response redeemed = this.http.postJson("/api/invitation",
				Map.of("secret", link.substring(link.indexOf("link=") + 5)));
		assertThat(redeemed.status()).isEqualTo(200);
	}

}
