package io.latchkey.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

	private final SecretKeySpec key;

	ChainKey(MasterKey masterKey) {
		this.key = new SecretKeySpec(masterKey.derive("audit-chain"), "HmacSHA256");
	}

	/**
	 * The link of a record: keyed from {@code keyedFrom} on, plain SHA-256 for records
	 * written before the chain was keyed.
	 */
	String link(long id, long keyedFrom, String prevHash, String canonical) {
		if (id < keyedFrom) {
			return Secrets.sha256Hex(prevHash + canonical);
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal((prevHash + canonical).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", ex);
		}
	}

}
