package io.latchkey.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit tables: takes new records and finds chained ones again.
 */
@Component
class AuditLog {

	private final JdbcClient jdbc;

	private final Timer appendTimer;

	AuditLog(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.appendTimer = Timer.builder("latchkey.audit.append")
			.description("Time to write one pending audit record")
			.register(meters);
	}

	/**
	 * Writes a pending record in the caller's transaction, if there is one: it commits or
	 * rolls back with the change it records, and takes no lock, so appends never wait for
	 * one another. {@link AuditChainer} links it into the chain soon after.
	 */
	void append(AuditEntry entry) {
		this.appendTimer.record(() -> this.jdbc
			.sql("INSERT INTO audit_pending (occurred_at, event_type, outcome, actor_type, actor, subject, tenant, "
					+ "client_ip, user_agent, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.type(),
					AuditEntry.name(entry.outcome()), AuditEntry.name(entry.actorType()), entry.actor(),
					entry.subject(), entry.tenant(), entry.clientIp(), entry.userAgent(), entry.detail())
			.update());
	}

	/** How many records wait to be linked into the chain. */
	long pending() {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_pending").query(Long.class).single();
	}

	/**
	 * One page of records matching the query, newest first, plus one more if there is
	 * one.
	 */
	List<AuditRecord> find(AuditQuery query) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (query.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
		}
		if (query.type() != null) {
			sql.append(" AND event_type = ?");
			params.add(query.type());
		}
		if (query.subject() != null) {
			sql.append(" AND subject = ?");
			params.add(query.subject());
		}
		sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
		params.add(query.size() + 1);
		params.add((long) query.page() * query.size());
		return this.jdbc.sql(sql.toString()).params(params).query(AuditRecord::map).list();
	}

}
