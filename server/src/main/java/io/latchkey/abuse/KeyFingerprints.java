package io.latchkey.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.latchkey.shared.MasterKey;

import org.springframework.stereotype.Component;

/**
 * Keyed digests of limiter keys, so that neither the bucket table nor an event names an
 * account or an address. A plain SHA-256 would not do: every IPv4 address, and most
 * account names, can be hashed in minutes and looked up.
 */
@Component
class KeyFingerprints {

	private final SecretKeySpec key;

	KeyFingerprints(MasterKey masterKey) {
		this.key = new SecretKeySpec(masterKey.derive("latchkey-abuse-key-fingerprint"), "HmacSHA256");
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
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", ex);
		}
	}

}
