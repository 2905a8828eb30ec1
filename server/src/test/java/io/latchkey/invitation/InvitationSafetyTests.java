package io.latchkey.invitation;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.shared.Secrets;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.Pkce;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps a link safe outside the happy path: the landing page consumes nothing and
 * leaks nothing, and no secret reaches a log line, an event or the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvitationSafetyTests extends InvitationTestSupport {

	@Test
	void landingPageNeverConsumesAndSendsTheSecretNowhere() {
		JsonNode created = create(TestInvitations.invitation());
		String link = created.get("link").asString();
		String path = link.substring(link.indexOf("/launch"));

		for (int i = 0; i < 10; i++) {
			Response page = this.http.withCookies().get(path);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.header("Cache-Control")).isEqualTo("no-store");
			assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
			assertThat(page.body()).contains("data:image/svg+xml;base64,")
				.doesNotContain("<script")
				.doesNotContainPattern("(src|href)=\"(https?:)?//");
		}
		this.http.get(path.replace("/launch", "/launch/"));
		this.http.withCookies().get("/launch?link=broken");

		assertThat(redeem(secret(secretOf(link))).status()).isEqualTo(200);
	}

	@Test
	void secretsReachNoLogLineEventOrDatabaseColumn(CapturedOutput output) throws SQLException {
		List<String> secrets = new ArrayList<>();
		JsonNode created = create(TestInvitations.invitation().email("log.check@example.org"));
		String secret = secretOf(created.get("link").asString());
		secrets.add(secret);
		String path = created.get("link").asString().substring(created.get("link").asString().indexOf("/launch"));
		this.http.withCookies().get(path);
		this.http.withCookies().get(path.replace("/launch", "/launch/x"));
		this.http.get(path + "&broken=%25");
		JsonNode redeemed = redeem(secret(secret)).json();
		secrets.add(redeemed.get("code").asString());
		secrets.add(redeemed.get("code_verifier").asString());
		Tokens tokens = Tokens.of(exchange(redeemed, redeemed.get("code_verifier").asString()));
		secrets.addAll(tokens.values());
		redeem(secret(secret));
		redeem(Map.of("secret", secret, "code_challenge", Pkce.create().challenge()));
		String another = secretOf(create(TestInvitations.invitation().sms("+1 555 0100")).get("link").asString());
		secrets.add(another);
		redeem("{\"secret\":\"" + another + "\", \"code_challenge\": 5}");

		for (String value : secrets) {
			assertThat(output.getAll()).as("a secret in the log").doesNotContain(value);
			assertThat(this.events.all.toString()).as("a secret in an event").doesNotContain(value);
		}
		String database = dumpDatabase();
		for (String value : secrets) {
			assertThat(database).as("a secret in the database").doesNotContain(value);
		}
		assertThat(database).contains(Secrets.sha256Hex(secret)).contains(Secrets.sha256Hex(another));
		assertThat(output.getAll()).contains("GET /launch 200").contains("POST /api/invitation 200");
	}

	/** Every value of every table of the test schema, as text. */
	private static String dumpDatabase() throws SQLException {
		StringBuilder dump = new StringBuilder();
		try (Connection connection = TestDatabase.connect()) {
			DatabaseMetaData metadata = connection.getMetaData();
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = metadata.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
			assertThat(tables).contains("invitation", "oauth2_authorization");
			for (String table : tables) {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
					int columns = rows.getMetaData().getColumnCount();
					while (rows.next()) {
						for (int i = 1; i <= columns; i++) {
							Object value = rows.getObject(i);
							dump.append((value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.ISO_8859_1)
									: String.valueOf(value))
								.append('\n');
						}
					}
				}
			}
		}
		return dump.toString();
	}

}
