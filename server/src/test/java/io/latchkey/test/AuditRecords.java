package io.latchkey.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audit records are written pending and linked into the chain within moments; tests that
 * read the chain wait for that first.
 */
public final class AuditRecords {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private AuditRecords() {
	}

	/** Waits until no record is pending. */
	public static void awaitChained(JdbcClient jdbc) {
		awaitChained(() -> jdbc.sql("SELECT COUNT(*) FROM audit_pending").query(Long.class).single());
	}

	/** Waits until no record is pending, on the run's test database. */
	public static void awaitChained() {
		awaitChained(() -> {
			try (Connection connection = TestDatabase.connect();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM audit_pending")) {
				rows.next();
				return rows.getLong(1);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static void awaitChained(PendingCount pending) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (pending.count() > 0) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("audit records still pending after " + PATIENCE);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
		}
	}

	private interface PendingCount {

		long count();

	}

}
