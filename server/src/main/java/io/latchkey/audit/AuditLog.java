package io.latchkey.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit table: appends records to the chain and finds them again.
 */
@Component
class AuditLog {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Timer appendTimer;

	AuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		// A transaction of its own: the head row stays locked only for the append, never
		// for the rest of the caller's work.
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.appendTimer = Timer.builder("latchkey.audit.append")
			.description("Time to append one record to the audit chain")
			.register(meters);
	}

	/**
	 * Appends a record after the current end of the chain. The row lock on the chain head
	 * makes concurrent appends, on this node or any other, take turns.
	 */
	AuditRecord append(AuditEntry entry) {
		return this.appendTimer.record(() -> this.ownTransaction.execute((status) -> {
			ChainHead head = ChainHead.read(this.jdbc, " FOR UPDATE");
			AuditRecord record = AuditRecord.chain(head.lastId() + 1, head.lastHash(), entry);
			this.jdbc.sql("INSERT INTO audit_event (id, occurred_at, event_type, outcome, actor_type, actor, subject, "
					+ "tenant, client_ip, user_agent, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(record.id(), OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.type(),
						record.outcome(), record.actorType(), record.actor(), record.subject(), record.tenant(),
						record.clientIp(), record.userAgent(), record.detail(), record.prevHash(), record.hash())
				.update();
			this.jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1")
				.params(record.id(), record.hash())
				.update();
			return record;
		}));
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
