package io.latchkey.abuse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The failure counts and locks of {@link Lockouts}, one row per purpose and object in
 * {@code abuse_lockout}.
 */
@Repository
class LockoutRepository {

	private final JdbcClient jdbc;

	LockoutRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the row with no failures unless it exists; never fails on a concurrent
	 * insert.
	 */
	void insertIfAbsent(String purpose, String objectId, Instant now) {
		this.jdbc.sql("""
				INSERT INTO abuse_lockout (purpose, object_id, failures, updated_at)
				VALUES (:purpose, :objectId, 0, :now)
				ON CONFLICT DO NOTHING""")
			.param("purpose", purpose)
			.param("objectId", objectId)
			.param("now", timestamp(now))
			.update();
	}

	/**
	 * Adds one failure, holding the row's lock until the transaction ends; a lock that
	 * has run out is cleared first, so that counting starts over. Answers whether the row
	 * exists.
	 */
	boolean increment(String purpose, String objectId, Instant now) {
		return this.jdbc.sql("""
				UPDATE abuse_lockout SET
				    failures = CASE WHEN locked_until <= :now THEN 1 ELSE failures + 1 END,
				    locked_at = CASE WHEN locked_until <= :now THEN NULL ELSE locked_at END,
				    locked_until = CASE WHEN locked_until <= :now THEN NULL ELSE locked_until END,
				    updated_at = :now
				WHERE purpose = :purpose AND object_id = :objectId""")
			.param("purpose", purpose)
			.param("objectId", objectId)
			.param("now", timestamp(now))
			.update() > 0;
	}

	void lock(String purpose, String objectId, Instant now, @Nullable Instant until) {
		this.jdbc.sql("""
				UPDATE abuse_lockout SET locked_at = :now, locked_until = :until
				WHERE purpose = :purpose AND object_id = :objectId""")
			.param("purpose", purpose)
			.param("objectId", objectId)
			.param("now", timestamp(now))
			.param("until", timestamp(until), Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
	}

	Optional<Row> find(String purpose, String objectId) {
		return this.jdbc
			.sql("SELECT failures, locked_at, locked_until FROM abuse_lockout WHERE purpose = ? AND object_id = ?")
			.param(purpose)
			.param(objectId)
			.query((rs, row) -> new Row(rs.getInt("failures"), instant(rs, "locked_at"), instant(rs, "locked_until")))
			.optional();
	}

	void delete(String purpose, String objectId) {
		this.jdbc.sql("DELETE FROM abuse_lockout WHERE purpose = ? AND object_id = ?")
			.param(purpose)
			.param(objectId)
			.update();
	}

	private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * One object's state.
	 *
	 * @param failures failures since the count last started
	 * @param lockedAt when the lock engaged, if it has
	 * @param lockedUntil when the lock ends; none while locked means until reset
	 */
	record Row(int failures, @Nullable Instant lockedAt, @Nullable Instant lockedUntil) {

		boolean isLocked(Instant now) {
			return this.lockedAt != null && (this.lockedUntil == null || this.lockedUntil.isAfter(now));
		}

	}

}
