package io.latchkey.audit;

import java.util.List;

import io.latchkey.audit.AuditCheckpoints.Checkpoint;
import io.latchkey.audit.ChainVerification.Break;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the audit chain: ids run 1, 2, 3 ... without gaps, each record's
 * {@code prev_hash} is its predecessor's hash, each hash matches its record's content
 * under the chain key, the last record is the one the chain head names, and every signed
 * checkpoint verifies and names a record that is there with the hash it signed.
 */
@Component
class AuditChain {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final ChainKey key;

	private final AuditCheckpoints checkpoints;

	AuditChain(JdbcClient jdbc, ChainKey key, AuditCheckpoints checkpoints) {
		this.jdbc = jdbc;
		this.key = key;
		this.checkpoints = checkpoints;
	}

	ChainVerification verify() {
		ChainVerification links = verifyLinks();
		long pending = this.jdbc.sql("SELECT COUNT(*) FROM audit_pending").query(Long.class).single();
		List<Checkpoint> signed = this.checkpoints.all();
		Break broken = links.firstBroken();
		if (broken == null) {
			broken = checkpointBreak(signed, links.checked());
		}
		return new ChainVerification(links.checked(), broken, links.lastHash(), pending, signed.size());
	}

	private @Nullable Break checkpointBreak(List<Checkpoint> signed, long lastId) {
		for (Checkpoint checkpoint : signed) {
			String problem = this.checkpoints.problem(checkpoint);
			if (problem != null) {
				return new Break(checkpoint.lastId(), problem);
			}
			if (checkpoint.lastId() > lastId) {
				return new Break(lastId + 1,
						"record is missing: a signed checkpoint covers the chain up to record " + checkpoint.lastId());
			}
			String hash = this.jdbc.sql("SELECT hash FROM audit_event WHERE id = ?")
				.param(checkpoint.lastId())
				.query(String.class)
				.single();
			if (!hash.equals(checkpoint.lastHash())) {
				return new Break(checkpoint.lastId(), "hash differs from the one a signed checkpoint holds");
			}
		}
		return null;
	}

	private ChainVerification verifyLinks() {
		long cursor = Long.MIN_VALUE;
		long lastId = 0;
		String lastHash = AuditRecord.GENESIS;
		long promised = 0;
		long keyedFrom = ChainHead.read(this.jdbc, "").keyedFrom();
		while (true) {
			List<AuditRecord> batch = this.jdbc.sql("SELECT * FROM audit_event WHERE id > ? ORDER BY id LIMIT ?")
				.params(cursor, BATCH)
				.query(AuditRecord::map)
				.list();
			for (AuditRecord record : batch) {
				Break broken = check(record, lastId + 1, lastHash, keyedFrom);
				if (broken != null) {
					return ChainVerification.links(lastId, broken, lastHash);
				}
				cursor = record.id();
				lastId = record.id();
				lastHash = record.hash();
			}
			if (!batch.isEmpty()) {
				continue;
			}
			if (promised > lastId) {
				return ChainVerification.links(lastId,
						new Break(lastId + 1, "record is missing: the chain head names record " + promised), lastHash);
			}
			// A record and the head change in one transaction and the head is read
			// after the records, so a head further on names records that must be
			// there on the next read.
			ChainHead head = ChainHead.read(this.jdbc, "");
			if (head.lastId() > lastId) {
				promised = head.lastId();
				continue;
			}
			if (head.lastId() < lastId) {
				return ChainVerification.links(head.lastId(), new Break(head.lastId() + 1,
						"record is beyond the chain head (last record " + head.lastId() + ")"), lastHash);
			}
			if (!head.lastHash().equals(lastHash)) {
				return ChainVerification.links(lastId - 1,
						new Break(lastId, "hash differs from the one the chain head holds"), lastHash);
			}
			return ChainVerification.links(lastId, null, lastHash);
		}
	}

	private @Nullable Break check(AuditRecord record, long expectedId, String expectedPrevHash, long keyedFrom) {
		if (record.id() < expectedId) {
			return new Break(record.id(), "record is out of sequence: ids run 1, 2, 3 ... without gaps");
		}
		if (record.id() > expectedId) {
			return new Break(expectedId, "record is missing");
		}
		if (!record.prevHash().equals(expectedPrevHash)) {
			return new Break(record.id(), "prev_hash is not the previous record's hash");
		}
		if (!record.hash().equals(record.expectedHash(this.key, keyedFrom))) {
			return new Break(record.id(), "hash does not match the record's content");
		}
		return null;
	}

}
