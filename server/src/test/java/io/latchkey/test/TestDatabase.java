package io.latchkey.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database a test run uses: an in-memory H2 database (the default) or a fresh schema
 * in the PostgreSQL server named by {@code latchkey.test.postgres-url} when
 * {@code -Dlatchkey.test.db=postgres}. One database per JVM, so that contexts of one run
 * share it as the nodes of a cluster would.
 */
public final class TestDatabase {

	public static final String KIND = System.getProperty("latchkey.test.db", "h2");

	private static final String POSTGRES_URL = System.getProperty("latchkey.test.postgres-url",
			"jdbc:postgresql://127.0.0.1:5432/test");

	private static final String POSTGRES_USER = System.getProperty("latchkey.test.postgres-user", "postgres");

	private static final String SCHEMA = "latchkey_test_" + ProcessHandle.current().pid();

	private static final String H2_NAME = "latchkey-" + UUID.randomUUID();

	private static boolean prepared;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(KIND);
	}

	public static String url() {
		if (isPostgres()) {
			prepareSchema();
			return POSTGRES_URL + "?currentSchema=" + SCHEMA;
		}
		return "jdbc:h2:mem:" + H2_NAME
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	public static String username() {
		return isPostgres() ? POSTGRES_USER : "sa";
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestDatabase::url);
		registry.add("spring.datasource.username", TestDatabase::username);
		registry.add("spring.datasource.password", () -> "");
	}

	public static Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), username(), "");
	}

	private static synchronized void prepareSchema() {
		if (prepared) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
				Statement statement = connection.createStatement()) {
			// Schemas left by runs whose JVM is gone are dropped; each run works in
			// its own schema.
			try (var rs = statement
				.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'latchkey\\_test\\_%'")) {
				var stale = new java.util.ArrayList<String>();
				while (rs.next()) {
					stale.add(rs.getString(1));
				}
				for (String schema : stale) {
					long owner = Long.parseLong(schema.substring("latchkey_test_".length()));
					if (ProcessHandle.of(owner).isEmpty()) {
						statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
					}
				}
			}
			statement.execute("CREATE SCHEMA " + SCHEMA);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL is not reachable at " + POSTGRES_URL, ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
			}
			catch (SQLException ex) {
				// The next run drops it.
			}
		}));
		prepared = true;
	}

}
