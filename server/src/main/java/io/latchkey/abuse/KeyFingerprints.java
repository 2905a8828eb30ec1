package io.latchkey.abuse;

import io.latchkey.shared.KeyedHash;
import io.latchkey.shared.MasterKey;

import org.springframework.stereotype.Component;

/**
 * Keyed digests of limiter keys, so that neither the bucket table nor an event names an
 * account or an address. A plain SHA-256 would not do: every IPv4 address, and most
 * account names, can be hashed in minutes and looked up.
 */
@Component
class KeyFingerprints {

	private final KeyedHash hash;

	KeyFingerprints(MasterKey masterKey) {
		this.hash = masterKey.keyedHash("latchkey-abuse-key-fingerprint");
	}

	/** The bucket id of a key: its purpose, readable, and the key's full digest. */
	String bucketId(String purpose, String key) {
		return purpose + ':' + digest(key);
	}

	/**
	 * A short digest for events: enough to tell keys apart and follow one, not to recover
	 * it.
	 */
	String forEvent(String key) {
		return digest(key).substring(0, 16);
	}

	private String digest(String key) {
		return this.hash.hex(key);
	}

}
