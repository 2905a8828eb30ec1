package io.latchkey.audit;

import io.latchkey.shared.KeyedHash;
import io.latchkey.shared.MasterKey;
import io.latchkey.shared.Secrets;

import org.springframework.stereotype.Component;

/**
 * The key that links audit records: HMAC-SHA256 under a key derived from the master key,
 * so someone who can write the database but lacks the master key cannot re-link a chain
 * they have altered.
 */
@Component
class ChainKey {

	private final KeyedHash hash;

	ChainKey(MasterKey masterKey) {
		this.hash = masterKey.keyedHash("audit-chain");
	}

	/**
	 * The link of a record: keyed from {@code keyedFrom} on, plain SHA-256 for records
	 * written before the chain was keyed.
	 */
	String link(long id, long keyedFrom, String prevHash, String canonical) {
		if (id < keyedFrom) {
			return Secrets.sha256Hex(prevHash + canonical);
		}
		return this.hash.hex(prevHash + canonical);
	}

}
