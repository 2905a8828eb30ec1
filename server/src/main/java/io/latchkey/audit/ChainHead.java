package io.latchkey.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end of the audit chain as {@code audit_chain_head} records it.
 *
 * @param lastId the id of the last record, 0 while there is none
 * @param lastHash the hash of the last record
 * @param keyedFrom the first record linked with the chain key (earlier ones are plain
 * SHA-256 links)
 */
record ChainHead(long lastId, String lastHash, long keyedFrom) {

	static ChainHead read(JdbcClient jdbc, String lock) {
		return jdbc.sql("SELECT last_id, last_hash, keyed_from FROM audit_chain_head WHERE id = 1" + lock)
			.query((rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.single();
	}

}
