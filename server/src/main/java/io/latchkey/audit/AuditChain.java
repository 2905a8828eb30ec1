package io.latchkey.audit;

import java.util.List;

import io.latchkey.audit.ChainVerification.Break;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the audit chain: ids run 1, 2, 3 ... without gaps, each record's
 * {@code prev_hash} is its predecessor's hash, each hash matches its record's content,
 * and the last record is the one the chain head names.
 */
@Component
class AuditChain {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	AuditChain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ChainVerification verify() {
		long cursor = Long.MIN_VALUE;
		long lastId = 0;
		String lastHash = AuditRecord.GENESIS;
		long promised = 0;
		while (true) {
			List<AuditRecord> batch = this.jdbc.sql("SELECT * FROM audit_event WHERE id > ? ORDER BY id LIMIT ?")
				.params(cursor, BATCH)
				.query(AuditRecord::map)
				.list();
			for (AuditRecord record : batch) {
				Break broken = check(record, lastId + 1, lastHash);
				if (broken != null) {
					return new ChainVerification(lastId, broken, lastHash);
				}
				cursor = record.id();
				lastId = record.id();
				lastHash = record.hash();
			}
			if (!batch.isEmpty()) {
				continue;
			}
			if (promised > lastId) {
				return new ChainVerification(lastId,
						new Break(lastId + 1, "record is missing: the chain head names record " + promised), lastHash);
			}
			// A record and the head change in one transaction and the head is read after
			// the
			// records, so a head further on names records that must be there on the next
			// read.
			ChainHead head = ChainHead.read(this.jdbc, "");
			if (head.lastId() > lastId) {
				promised = head.lastId();
				continue;
			}
			if (head.lastId() < lastId) {
				return new ChainVerification(head.lastId(), new Break(head.lastId() + 1,
						"record is beyond the chain head (last record " + head.lastId() + ")"), lastHash);
			}
			if (!head.lastHash().equals(lastHash)) {
				return new ChainVerification(lastId - 1,
						new Break(lastId, "hash differs from the one the chain head holds"), lastHash);
			}
			return new ChainVerification(lastId, null, lastHash);
		}
	}

	private static @Nullable Break check(AuditRecord record, long expectedId, String expectedPrevHash) {
		if (record.id() < expectedId) {
			return new Break(record.id(), "record is out of sequence: ids run 1, 2, 3 ... without gaps");
		}
		if (record.id() > expectedId) {
			return new Break(expectedId, "record is missing");
		}
		if (!record.prevHash().equals(expectedPrevHash)) {
			return new Break(record.id(), "prev_hash is not the previous record's hash");
		}
		if (!record.hash().equals(record.expectedHash())) {
			return new Break(record.id(), "hash does not match the record's content");
		}
		return null;
	}

}
