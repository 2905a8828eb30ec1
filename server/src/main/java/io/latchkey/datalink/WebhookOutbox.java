package io.latchkey.datalink;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook deliveries in {@code data_link_webhook}. A node claims a due delivery with one
 * conditional update that also moves its next attempt into the future, so one node sends
 * it at a time, and a node that dies while sending leaves it to be sent again later (at
 * least once; receivers drop repeats by the idempotency key).
 */
@Repository
class WebhookOutbox {

	private final JdbcClient jdbc;

	WebhookOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID id, UUID linkId, String tenant, byte[] sealedBody, Instant now) {
		this.jdbc
			.sql("INSERT INTO data_link_webhook (id, link_id, tenant, body, attempts, next_attempt_at, created_at) "
					+ "VALUES (?, ?, ?, ?, 0, ?, ?)")
			.params(id, linkId, tenant, sealedBody, utc(now), utc(now))
			.update();
	}

	/** Deliveries due now for the tenants this node has webhooks for. */
	List<Due> due(Collection<String> tenants, Instant now, int limit) {
		if (tenants.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT id, link_id, tenant, body, attempts, next_attempt_at FROM data_link_webhook "
					+ "WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now "
					+ "AND tenant IN (:tenants) ORDER BY next_attempt_at LIMIT :limit")
			.param("now", utc(now))
			.param("tenants", tenants)
			.param("limit", limit)
			.query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getObject("link_id", UUID.class),
					rs.getString("tenant"), rs.getBytes("body"), rs.getInt("attempts"),
					rs.getObject("next_attempt_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * Takes a delivery for one attempt: counts it and moves its next attempt to
	 * {@code retryAt}; {@code true} for the one node that did.
	 */
	boolean claim(Due due, Instant retryAt) {
		return this.jdbc
			.sql("UPDATE data_link_webhook SET attempts = attempts + 1, next_attempt_at = ? "
					+ "WHERE id = ? AND attempts = ? AND delivered_at IS NULL AND failed_at IS NULL")
			.params(utc(retryAt), due.id(), due.attempts())
			.update() == 1;
	}

	void delivered(UUID id, Instant at) {
		this.jdbc.sql("UPDATE data_link_webhook SET delivered_at = ?, last_error = NULL WHERE id = ?")
			.params(utc(at), id)
			.update();
	}

	/** Records a failed attempt: try again at {@code retryAt}, or never if given up. */
	void failedAttempt(UUID id, String error, Instant retryAt, @Nullable Instant gaveUpAt) {
		this.jdbc
			.sql("UPDATE data_link_webhook SET last_error = :error, next_attempt_at = :retry, failed_at = :failed "
					+ "WHERE id = :id")
			.param("error", (error.length() > 200) ? error.substring(0, 200) : error)
			.param("retry", utc(retryAt))
			.param("failed", (gaveUpAt != null) ? utc(gaveUpAt) : null, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("id", id)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * A delivery to attempt.
	 */
	record Due(UUID id, UUID linkId, String tenant, byte[] sealedBody, int attempts, OffsetDateTime nextAttemptAt) {

	}

}
