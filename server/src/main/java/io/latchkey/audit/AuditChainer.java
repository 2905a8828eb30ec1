package io.latchkey.audit;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links pending records into the chain, in batches, in the order it finds them committed.
 * Every node runs it; the chain head's row lock lets one node at a time do so, and the
 * others find nothing left. Only this lock serialises, and only the chainer takes it:
 * requests that write records never wait for it.
 */
@Component
class AuditChainer implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(AuditChainer.class);

	static final int BATCH = 500;

	private static final String INSERT = "INSERT INTO audit_event (id, occurred_at, event_type, outcome, actor_type, "
			+ "actor, subject, tenant, client_ip, user_agent, detail, prev_hash, hash) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final TransactionTemplate transaction;

	private final ChainKey key;

	private final AuditCheckpoints checkpoints;

	/** Whether this node linked records that no checkpoint covers yet. */
	private volatile boolean unsigned = true;

	private final AuditSettings settings;

	AuditChainer(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactions, ChainKey key,
			AuditCheckpoints checkpoints, AuditSettings settings) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.transaction = new TransactionTemplate(transactions);
		this.key = key;
		this.checkpoints = checkpoints;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::chainOnSchedule, this.settings.chainInterval());
	}

	void chainOnSchedule() {
		try {
			chainPending();
		}
		catch (DataAccessException ex) {
			// The database is away or busy; the records wait in the table for
			// the next run.
			logger.debug("Audit chaining deferred: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Links every record pending now, then writes a checkpoint if one is due.
	 * @return how many records were linked
	 */
	int chainPending() {
		int total = 0;
		// An idle run costs one read outside any transaction and takes no lock.
		if (this.jdbc.sql("SELECT id FROM audit_pending ORDER BY id LIMIT 1")
			.query(Long.class)
			.optional()
			.isPresent()) {
			int linked;
			do {
				linked = this.transaction.execute((status) -> chainBatch());
				total += linked;
			}
			while (linked == BATCH);
		}
		if (total > 0 || this.unsigned) {
			this.unsigned = !this.checkpoints.writeIfDue();
		}
		return total;
	}

	private int chainBatch() {
		ChainHead head = ChainHead.read(this.jdbc, " FOR UPDATE");
		List<Pending> pending = this.jdbc.sql("SELECT * FROM audit_pending ORDER BY id LIMIT ?")
			.param(BATCH)
			.query((rs, row) -> new Pending(rs.getLong("id"), AuditEntry.mapPending(rs)))
			.list();
		if (pending.isEmpty()) {
			return 0;
		}
		List<Object[]> rows = new ArrayList<>(pending.size());
		Long[] done = new Long[pending.size()];
		long id = head.lastId();
		String prevHash = head.lastHash();
		for (Pending waiting : pending) {
			AuditRecord record = AuditRecord.chain(++id, prevHash, waiting.entry(), this.key, head.keyedFrom());
			rows.add(new Object[] { record.id(), OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC),
					record.type(), record.outcome(), record.actorType(), record.actor(), record.subject(),
					record.tenant(), record.clientIp(), record.userAgent(), record.detail(), record.prevHash(),
					record.hash() });
			done[rows.size() - 1] = waiting.id();
			prevHash = record.hash();
		}
		this.batches.batchUpdate(INSERT, rows);
		this.batches.update((connection) -> {
			PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_pending WHERE id = ANY (?)");
			delete.setArray(1, connection.createArrayOf("BIGINT", done));
			return delete;
		});
		this.jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1")
			.params(id, prevHash)
			.update();
		return pending.size();
	}

	private record Pending(long id, AuditEntry entry) {

	}

}
