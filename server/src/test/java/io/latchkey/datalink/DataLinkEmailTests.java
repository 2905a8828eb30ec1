package io.latchkey.datalink;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.latchkey.test.TestHttp.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links delivered by email, and the {@code email_otp} factor: a six-digit code emailed
 * when the person asks, valid ten minutes, at most three sends per link an hour, through
 * a real SMTP server (GreenMail).
 */
class DataLinkEmailTests extends DataLinkTestSupport {

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		MAIL.start();
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	@Test
	void theLinkArrivesByEmailAndAnEmailedCodeOpensIt() throws Exception {
		JsonNode created = create(link(Map.of("resourceType", "Observation", "status", "final"),
				Map.of("type", "email_otp", "email", "otp.person@example.org"), "deliver",
				Map.of("email", "link.person@example.org")));
		assertThat(created.get("delivery").get(0).get("route").asString()).isEqualTo("smtp");
		String id = idOf(created);
		MimeMessage linkMail = MAIL.getReceivedMessagesForDomain("link.person@example.org")[0];
		assertThat((String) linkMail.getContent()).contains(created.get("url").asString());
		assertThat(MAIL.getReceivedMessagesForDomain("otp.person@example.org")).isEmpty();

		assertThat(requestLease(id, "123456").status()).isEqualTo(403);
		assertThat(this.http.post("/api/data-links/" + id + "/code", null, "", "X-Forwarded-For", randomAddress())
			.status()).isEqualTo(202);
		String code = codeIn(MAIL.getReceivedMessagesForDomain("otp.person@example.org")[0]);

		this.clock.advance(Duration.ofMinutes(11));
		assertThat(requestLease(id, code).status()).isEqualTo(403);
		this.clock.reset();

		Response granted = requestLease(id, code);
		assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		Lease lease = new Lease(granted.json().get("lease").asString(), cookieValue(granted.header("Set-Cookie")));
		assertThat(this.http.get("/api/data-links/" + id + "/payload", lease.headers()).status()).isEqualTo(200);
	}

	@Test
	void atMostThreeCodesAreSentPerLinkAndHour() throws Exception {
		JsonNode created = create(link(Map.of("a", 1), Map.of("type", "email_otp", "email", "limit@example.org")));
		String id = idOf(created);
		for (int i = 0; i < 3; i++) {
			assertThat(this.http.post("/api/data-links/" + id + "/code", null, "", "X-Forwarded-For", randomAddress())
				.status()).isEqualTo(202);
		}
		Response refused = this.http.post("/api/data-links/" + id + "/code", null, "", "X-Forwarded-For",
				randomAddress());
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isNotBlank();
		MimeMessage[] sent = MAIL.getReceivedMessagesForDomain("limit@example.org");
		assertThat(sent).hasSize(3);
		String latest = codeIn(sent[2]);
		String earlier = codeIn(sent[0]);
		if (!earlier.equals(latest)) {
			assertThat(requestLease(id, earlier).status()).as("a replaced code").isEqualTo(403);
		}
		assertThat(requestLease(id, latest).status()).isEqualTo(200);
	}

	private static String codeIn(MimeMessage message) throws Exception {
		Matcher matcher = CODE.matcher((String) message.getContent());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
