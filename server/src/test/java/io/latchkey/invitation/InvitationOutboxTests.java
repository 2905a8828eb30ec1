package io.latchkey.invitation;

import java.util.Map;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the dev outbox switched on and no SMTP server or SMS gateway set up, messages land
 * in the outbox, which only admins can list. (It is on by itself only on H2; see
 * {@link OutboxOffTests}.) Its context is closed after the class, so it holds no database
 * connections.
 */
@DirtiesContext
class InvitationOutboxTests extends ServerTestSupport {

	@DynamicPropertySource
	static void outboxOn(DynamicPropertyRegistry registry) {
		registry.add("latchkey.delivery.outbox.enabled", () -> "true");
	}

	@Test
	void withoutRoutesMessagesLandInTheOutbox() {
		String admin = bearer(adminToken());
		Response created = this.http.postJson("/api/admin/invitations",
				TestInvitations.invitation().email("outbox@example.org").body(), "Authorization", admin);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("delivery").get(0).get("route").asString()).isEqualTo("outbox");

		JsonNode outbox = this.http.get("/api/admin/outbox", "Authorization", admin).json();

		JsonNode message = outbox.get("messages").get(0);
		assertThat(message.get("to").asString()).isEqualTo("outbox@example.org");
		assertThat(message.get("text").asString()).contains(created.json().get("link").asString());
		assertThat(this.http.get("/api/admin/outbox").status()).isEqualTo(401);
		String link = created.json().get("link").asString();
		Response redeemed = this.http.postJson("/api/invitation",
				Map.of("secret", link.substring(link.indexOf("link=") + 5)));
		assertThat(redeemed.status()).isEqualTo(200);
	}

}
