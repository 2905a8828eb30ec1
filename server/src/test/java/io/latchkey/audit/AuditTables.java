package io.latchkey.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.latchkey.audit.AuditEntry.Outcome;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Direct access to the audit tables for tests: what an intruder with database access
 * could do, and putting it right again afterwards.
 */
final class AuditTables {

	private final JdbcClient jdbc;

	AuditTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static AuditEntry entry(String type, String subject) {
		return AuditEntry.of(type, Outcome.SUCCESS, Instant.now()).subject(subject);
	}

	AuditRecord record(long id) {
		return this.jdbc.sql("SELECT * FROM audit_event WHERE id = ?").param(id).query(AuditRecord::map).single();
	}

	List<AuditRecord> all() {
		return this.jdbc.sql("SELECT * FROM audit_event ORDER BY id").query(AuditRecord::map).list();
	}

	ChainHead head() {
		return ChainHead.read(this.jdbc, "");
	}

	void insert(AuditRecord record) {
		this.jdbc.sql("INSERT INTO audit_event (id, occurred_at, event_type, outcome, actor_type, actor, subject, "
				+ "tenant, client_ip, user_agent, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(record.id(), OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.type(),
					record.outcome(), record.actorType(), record.actor(), record.subject(), record.tenant(),
					record.clientIp(), record.userAgent(), record.detail(), record.prevHash(), record.hash())
			.update();
	}

	List<AuditRecord> from(long id) {
		return this.jdbc.sql("SELECT * FROM audit_event WHERE id >= ? ORDER BY id")
			.param(id)
			.query(AuditRecord::map)
			.list();
	}

	void moveHead(long lastId, String lastHash) {
		this.jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1")
			.params(lastId, lastHash)
			.update();
	}

	void insertCheckpoint(long lastId, String lastHash, String jws) {
		this.jdbc.sql(
				"INSERT INTO audit_checkpoint (last_id, last_hash, created_at, jws) VALUES (?, ?, CURRENT_TIMESTAMP, ?)")
			.params(lastId, lastHash, jws)
			.update();
	}

	void deleteCheckpoint(long lastId) {
		this.jdbc.sql("DELETE FROM audit_checkpoint WHERE last_id = ?").param(lastId).update();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update();
	}

	void replace(AuditRecord record) {
		delete(record.id());
		insert(record);
	}

}
