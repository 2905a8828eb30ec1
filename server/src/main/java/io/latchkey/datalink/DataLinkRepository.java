package io.latchkey.datalink;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Data links in {@code data_link}, found by the SHA-256 of their URL id. Using a link up
 * is one conditional update, so of concurrent requests on any number of nodes exactly one
 * changes the row.
 */
@Repository
class DataLinkRepository {

	private static final String COLUMNS = "id, tenant, factor_type, factor_hash, answer_schema IS NOT NULL AS has_schema, "
			+ "allows_submission, max_leases, leases_granted, created_by, created_at, expires_at, first_visited_at, "
			+ "locked_at, revoked_at, used_at, used_by";

	private final JdbcClient jdbc;

	DataLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DataLink link, String linkHash, byte[] payload, byte @Nullable [] schema,
			byte @Nullable [] factorEmail) {
		this.jdbc.sql("INSERT INTO data_link (id, link_hash, tenant, payload, answer_schema, factor_type, factor_hash, "
				+ "factor_email, allows_submission, max_leases, leases_granted, created_by, created_at, expires_at) "
				+ "VALUES (:id, :hash, :tenant, :payload, :schema, :type, :factor, :email, :allows, :max, 0, :by, "
				+ ":created, :expires)")
			.param("id", link.id())
			.param("hash", linkHash)
			.param("tenant", link.tenant())
			.param("payload", payload)
			.param("schema", schema, Types.BINARY)
			.param("type", link.factorType().value())
			.param("factor", link.factorHash(), Types.VARCHAR)
			.param("email", factorEmail, Types.BINARY)
			.param("allows", link.allowsSubmission())
			.param("max", link.maxLeases(), Types.INTEGER)
			.param("by", link.createdBy(), Types.VARCHAR)
			.param("created", utc(link.createdAt()))
			.param("expires", utc(link.expiresAt()))
			.update();
	}

	Optional<DataLink> findByHash(String linkHash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM data_link WHERE link_hash = ?")
			.param(linkHash)
			.query(DataLinkRepository::map)
			.optional();
	}

	Optional<DataLink> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM data_link WHERE id = ?")
			.param(id)
			.query(DataLinkRepository::map)
			.optional();
	}

	byte[] payload(UUID id) {
		return this.jdbc.sql("SELECT payload FROM data_link WHERE id = ?").param(id).query(byte[].class).single();
	}

	Optional<byte[]> schema(UUID id) {
		return this.jdbc.sql("SELECT answer_schema FROM data_link WHERE id = ? AND answer_schema IS NOT NULL")
			.param(id)
			.query(byte[].class)
			.optional();
	}

	Optional<byte[]> factorEmail(UUID id) {
		return this.jdbc.sql("SELECT factor_email FROM data_link WHERE id = ? AND factor_email IS NOT NULL")
			.param(id)
			.query(byte[].class)
			.optional();
	}

	void recordVisit(UUID id, Instant at) {
		this.jdbc.sql("UPDATE data_link SET first_visited_at = ? WHERE id = ? AND first_visited_at IS NULL")
			.params(utc(at), id)
			.update();
	}

	void recordEvent(UUID linkId, String kind, @Nullable String outcome, Instant at, String address,
			@Nullable String userAgent) {
		this.jdbc
			.sql("INSERT INTO data_link_event (id, link_id, kind, outcome, at, address, user_agent) "
					+ "VALUES (:id, :link, :kind, :outcome, :at, :address, :agent)")
			.param("id", UUID.randomUUID())
			.param("link", linkId)
			.param("kind", kind)
			.param("outcome", outcome, Types.VARCHAR)
			.param("at", utc(at))
			.param("address", address)
			.param("agent", userAgent, Types.VARCHAR)
			.update();
	}

	List<Map<String, Object>> history(UUID linkId, String kind) {
		return this.jdbc
			.sql("SELECT at, outcome, address, user_agent FROM data_link_event WHERE link_id = ? AND kind = ? "
					+ "ORDER BY at, id")
			.params(linkId, kind)
			.query((rs, row) -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("at", instant(rs, "at"));
				if (rs.getString("outcome") != null) {
					entry.put("outcome", rs.getString("outcome"));
				}
				entry.put("address", rs.getString("address"));
				entry.put("user_agent", rs.getString("user_agent"));
				return entry;
			})
			.list();
	}

	void markLocked(UUID id, Instant at) {
		this.jdbc.sql("UPDATE data_link SET locked_at = ? WHERE id = ? AND locked_at IS NULL")
			.params(utc(at), id)
			.update();
	}

	boolean unlock(UUID id) {
		return this.jdbc.sql("UPDATE data_link SET locked_at = NULL WHERE id = ? AND locked_at IS NOT NULL")
			.param(id)
			.update() == 1;
	}

	/**
	 * Counts one lease if the link is usable and below its lease cap; {@code true} if it
	 * was.
	 */
	boolean grantLease(UUID id, Instant now) {
		return this.jdbc
			.sql("UPDATE data_link SET leases_granted = leases_granted + 1 WHERE id = :id AND used_at IS NULL "
					+ "AND revoked_at IS NULL AND expires_at > :now "
					+ "AND (max_leases IS NULL OR leases_granted < max_leases)")
			.param("id", id)
			.param("now", utc(now))
			.update() == 1;
	}

	/** Marks the link used if it is usable; {@code true} for the one caller that did. */
	boolean use(UUID id, String by, Instant now) {
		return this.jdbc
			.sql("UPDATE data_link SET used_at = :now, used_by = :by WHERE id = :id AND used_at IS NULL "
					+ "AND revoked_at IS NULL AND expires_at > :now")
			.param("id", id)
			.param("by", by)
			.param("now", utc(now))
			.update() == 1;
	}

	boolean revoke(UUID id, Instant now) {
		return this.jdbc
			.sql("UPDATE data_link SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND used_at IS NULL")
			.params(utc(now), id)
			.update() == 1;
	}

	void storeOneTimeCode(UUID id, String codeHash, Instant expiresAt) {
		this.jdbc.sql("UPDATE data_link SET otp_hash = ?, otp_expires_at = ? WHERE id = ?")
			.params(codeHash, utc(expiresAt), id)
			.update();
	}

	/** The hash of the emailed code while it is valid. */
	Optional<String> oneTimeCodeHash(UUID id, Instant now) {
		return this.jdbc
			.sql("SELECT otp_hash FROM data_link WHERE id = ? AND otp_hash IS NOT NULL AND otp_expires_at > ?")
			.params(id, utc(now))
			.query(String.class)
			.optional();
	}

	void clearOneTimeCode(UUID id) {
		this.jdbc.sql("UPDATE data_link SET otp_hash = NULL, otp_expires_at = NULL WHERE id = ?").param(id).update();
	}

	void insertSubmission(UUID linkId, byte[] answer, Instant at) {
		this.jdbc.sql("INSERT INTO data_link_submission (link_id, answer, submitted_at) VALUES (?, ?, ?)")
			.params(linkId, answer, utc(at))
			.update();
	}

	Optional<Submission> submission(UUID linkId) {
		return this.jdbc.sql("SELECT answer, submitted_at FROM data_link_submission WHERE link_id = ?")
			.param(linkId)
			.query((rs, row) -> new Submission(rs.getBytes("answer"), instant(rs, "submitted_at")))
			.optional();
	}

	int deleteExpiredBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM data_link WHERE expires_at < ?").param(utc(cutoff)).update();
	}

	Page search(@Nullable String tenant, @Nullable DataLinkStatus status, Instant now, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (tenant != null) {
			where.append(" AND tenant = :tenant");
			params.put("tenant", tenant);
		}
		if (status != null) {
			where.append(switch (status) {
				case REVOKED -> " AND revoked_at IS NOT NULL";
				case USED -> " AND revoked_at IS NULL AND used_at IS NOT NULL";
				case EXPIRED -> " AND revoked_at IS NULL AND used_at IS NULL AND expires_at <= :now";
				case LOCKED ->
					" AND revoked_at IS NULL AND used_at IS NULL AND expires_at > :now AND locked_at IS NOT NULL";
				case VISITED ->
					" AND revoked_at IS NULL AND used_at IS NULL AND expires_at > :now AND locked_at IS NULL "
							+ "AND first_visited_at IS NOT NULL";
				case ACTIVE ->
					" AND revoked_at IS NULL AND used_at IS NULL AND expires_at > :now AND locked_at IS NULL "
							+ "AND first_visited_at IS NULL";
			});
			if (status != DataLinkStatus.REVOKED && status != DataLinkStatus.USED) {
				params.put("now", utc(now));
			}
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM data_link" + where).params(params).query(Long.class).single();
		List<DataLink> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM data_link" + where
					+ " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", page * size)
			.query(DataLinkRepository::map)
			.list();
		return new Page(items, total);
	}

	private static DataLink map(ResultSet rs, int row) throws SQLException {
		int maxLeases = rs.getInt("max_leases");
		Integer cap = rs.wasNull() ? null : maxLeases;
		return new DataLink(rs.getObject("id", UUID.class), rs.getString("tenant"),
				FactorType.of(rs.getString("factor_type")).orElseThrow(), rs.getString("factor_hash"),
				rs.getBoolean("has_schema"), rs.getBoolean("allows_submission"), cap, rs.getInt("leases_granted"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "first_visited_at"), instant(rs, "locked_at"), instant(rs, "revoked_at"),
				instant(rs, "used_at"), rs.getString("used_by"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * The stored answer, encrypted.
	 */
	record Submission(byte[] answer, Instant submittedAt) {

	}

	/**
	 * A page of a search.
	 */
	record Page(List<DataLink> items, long total) {

	}

}
