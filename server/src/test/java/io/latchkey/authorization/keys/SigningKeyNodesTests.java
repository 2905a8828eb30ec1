package io.latchkey.authorization.keys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.latchkey.authorization.JwtParts;
import io.latchkey.shared.MasterKey;
import io.latchkey.test.Node;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp.Response;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes on one database: they share keys, follow each other's rotations and keep
 * them across restarts; nodes starting together on an empty database agree on one key per
 * algorithm.
 */
class SigningKeyNodesTests extends ServerTestSupport {

	@Autowired
	private MasterKey masterKey;

	@Test
	void nodesShareKeysFollowRotationsAndKeepThemAcrossRestarts() throws Exception {
		String tokenBefore = adminToken();
		List<String> published = kids(this.http.get("/oauth2/jwks"));

		String tokenFromSecondNode;
		try (Node second = Node.start(TestDatabase.url(), TestDatabase.username(),
				"latchkey.keys.unknown-kid-reload-interval", "0s")) {
			assertThat(kids(second.http.get("/oauth2/jwks"))).containsExactlyInAnyOrderElementsOf(published);
			assertThat(adminKeys(second, tokenBefore)).isEqualTo(200);

			Response rotated = this.http.post("/api/admin/keys/rotate?alg=ES256", null, "", "Authorization",
					bearer(tokenBefore));
			assertThat(rotated.status()).isEqualTo(200);
			String newKid = rotated.json().get("ES256").asString();
			String tokenAfter = adminToken();
			assertThat(JwtParts.header(tokenAfter)).contains("\"kid\":\"" + newKid + "\"");

			// The second node has not reread the table yet; the unknown kid
			// makes it do so.
			assertThat(adminKeys(second, tokenAfter)).isEqualTo(200);
			assertThat(kids(second.http.get("/oauth2/jwks"))).contains(newKid);
			assertThat(adminKeys(second, tokenBefore)).isEqualTo(200);
			tokenFromSecondNode = second.adminToken();
			assertThat(JwtParts.header(tokenFromSecondNode)).contains("\"kid\":\"" + newKid + "\"");
		}

		published = kids(this.http.get("/oauth2/jwks"));
		try (Node restarted = Node.start(TestDatabase.url(), TestDatabase.username())) {
			assertThat(kids(restarted.http.get("/oauth2/jwks"))).containsExactlyInAnyOrderElementsOf(published);
			assertThat(adminKeys(restarted, tokenBefore)).isEqualTo(200);
			assertThat(adminKeys(restarted, tokenFromSecondNode)).isEqualTo(200);
		}
		assertThat(this.http.get("/api/admin/keys", "Authorization", bearer(tokenFromSecondNode)).status())
			.isEqualTo(200);
	}

	@Test
	void nodesStartingTogetherOnAnEmptyDatabaseAgreeOnOneKeyPerAlgorithm() throws Exception {
		try (FreshDatabase database = FreshDatabase.create()) {
			DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), TestDatabase.username(),
					"");
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			// Whole applications cannot start concurrently in one JVM (logging is
			// global), so the nodes' key initialisation runs concurrently on its own.
			SigningKeyStore store = new SigningKeyStore(JdbcClient.create(dataSource),
					new DataSourceTransactionManager(dataSource));
			SigningKeyProperties properties = new SigningKeyProperties(Duration.ofDays(90), Duration.ofSeconds(30),
					Duration.ofSeconds(2));
			List<Callable<Void>> starts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				SigningKeys keys = new SigningKeys(store, this.masterKey, properties, (event) -> {
				}, Clock.systemUTC());
				starts.add(() -> {
					keys.afterPropertiesSet();
					return null;
				});
			}
			try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
				for (Future<Void> start : executor.invokeAll(starts)) {
					start.get();
				}
			}
			assertThat(database.count("SELECT count(*) FROM signing_key")).isEqualTo(2);
			assertThat(database.count("SELECT count(*) FROM signing_key WHERE state = 'ACTIVE'")).isEqualTo(2);

			try (Node first = Node.start(database.url(), TestDatabase.username());
					Node second = Node.start(database.url(), TestDatabase.username())) {
				List<JsonNode> keys = keys(first.http.get("/oauth2/jwks"));
				assertThat(keys).hasSize(2);
				assertThat(keys).anyMatch((key) -> key.get("kty").asString().equals("EC")
						&& key.get("crv").asString().equals("P-256") && key.get("alg").asString().equals("ES256"));
				assertThat(keys).anyMatch(
						(key) -> key.get("kty").asString().equals("RSA") && key.get("alg").asString().equals("RS256"));
				assertThat(kids(second.http.get("/oauth2/jwks"))).containsExactlyInAnyOrderElementsOf(
						keys.stream().map((key) -> key.get("kid").asString()).toList());
				assertThat(adminKeys(second, first.adminToken())).isEqualTo(200);
				assertThat(database.count("SELECT count(*) FROM signing_key")).isEqualTo(2);
			}
		}
	}

	private static int adminKeys(Node node, String token) {
		return node.http.get("/api/admin/keys", "Authorization", bearer(token)).status();
	}

	private static List<JsonNode> keys(Response jwks) {
		assertThat(jwks.status()).isEqualTo(200);
		List<JsonNode> keys = new ArrayList<>();
		jwks.json().get("keys").forEach(keys::add);
		return keys;
	}

	private static List<String> kids(Response jwks) {
		return keys(jwks).stream().map((key) -> key.get("kid").asString()).toList();
	}

	/** An empty database of the run's kind, dropped afterwards. */
	private record FreshDatabase(String url, String schema) implements AutoCloseable {

		static FreshDatabase create() throws SQLException {
			String name = "latchkey_keys_" + UUID.randomUUID().toString().replace("-", "");
			if (!TestDatabase.isPostgres()) {
				return new FreshDatabase("jdbc:h2:mem:" + name
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", null);
			}
			String base = TestDatabase.url().substring(0, TestDatabase.url().indexOf('?'));
			try (Connection connection = DriverManager.getConnection(base, TestDatabase.username(), "");
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA " + name);
			}
			return new FreshDatabase(base + "?currentSchema=" + name, name);
		}

		long count(String sql) throws SQLException {
			try (Connection connection = DriverManager.getConnection(this.url, TestDatabase.username(), "");
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(sql)) {
				rs.next();
				return rs.getLong(1);
			}
		}

		@Override
		public void close() throws SQLException {
			try (Connection connection = DriverManager.getConnection(this.url, TestDatabase.username(), "");
					Statement statement = connection.createStatement()) {
				statement.execute((this.schema != null) ? "DROP SCHEMA " + this.schema + " CASCADE" : "SHUTDOWN");
			}
		}

	}

}
