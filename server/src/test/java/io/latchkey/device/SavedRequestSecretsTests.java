package io.latchkey.device;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.latchkey.test.PersonAtBrowser;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening a verification link before signing in must not park the user code in the
 * session table, where a database reader could approve the device as the next person to
 * sign in; the person re-enters the code after signing in and the flow goes on.
 */
class SavedRequestSecretsTests extends ServerTestSupport {

	@Test
	void aUserCodeInTheLinkIsNotSavedWithTheSessionAndTheFlowStillWorks() throws Exception {
		String clientId = "saved-request-device";
		DeviceClients.publicClient(clientId).register(this.http, adminToken());
		DeviceClients.person(this.http, adminToken(), "saved.request.person", "a long password for devices");
		JsonNode device = this.http
			.postForm("/oauth2/device_authorization", params("client_id", clientId, "scope", "patient/*.rs"))
			.json();
		String userCode = device.get("user_code").asString();
		PersonAtBrowser person = new PersonAtBrowser(this.http, "saved.request.person", "a long password for devices");

		Response toLogin = person.request(device.get("verification_uri_complete").asString());
		assertThat(toLogin.status()).isEqualTo(302);
		List<String> stored = sessionAttributes();
		assertThat(stored).anyMatch((attribute) -> attribute.contains("/oauth2/device_verification"));
		for (String attribute : stored) {
			assertThat(attribute).doesNotContain(userCode)
				.doesNotContain(userCode.replace("-", ""))
				.doesNotContain("user_code")
				.doesNotContain("latchkey-fgp");
		}

		Response afterSignIn = person.follow(toLogin);
		assertThat(afterSignIn.status()).isEqualTo(200);
		assertThat(afterSignIn.body()).contains("name=\"user_code\"").doesNotContain(userCode);

		Response done = person.approve(person.enter(userCode));
		assertThat(done.body()).contains("Device connected");
		Thread.sleep(1100);
		Response tokens = this.http.postForm("/oauth2/token", params("grant_type", DeviceCodeFlowTests.DEVICE_GRANT,
				"device_code", device.get("device_code").asString(), "client_id", clientId));
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
	}

	private static List<String> sessionAttributes() throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection connection = TestDatabase.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT attribute_bytes FROM spring_session_attributes")) {
			while (rows.next()) {
				values.add(new String(rows.getBytes(1), StandardCharsets.ISO_8859_1));
			}
		}
		return values;
	}

}
