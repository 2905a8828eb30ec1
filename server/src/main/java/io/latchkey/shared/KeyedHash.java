package io.latchkey.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key: the only place Latchkey computes a keyed hash. Most keys
 * come from {@link MasterKey#keyedHash(String)}, one per purpose, so that a database dump
 * is not enough to test guesses offline.
 */
public final class KeyedHash {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private KeyedHash(byte[] key) {
		this.key = new SecretKeySpec(key, ALGORITHM);
	}

	/** A keyed hash under a key that is not the master key's, such as a shared secret. */
	public static KeyedHash withKey(byte[] key) {
		return new KeyedHash(key);
	}

	/** The hash of the parts one after the other. */
	public byte[] bytes(byte[]... parts) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			for (byte[] part : parts) {
				mac.update(part);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", ex);
		}
	}

	/** The hash of the UTF-8 bytes of {@code value}. */
	public byte[] bytes(String value) {
		return bytes(value.getBytes(StandardCharsets.UTF_8));
	}

	/** The hash of the UTF-8 bytes of {@code value} in lower-case hex. */
	public String hex(String value) {
		return HexFormat.of().formatHex(bytes(value));
	}

	/** Whether {@code value} hashes to {@code expected}, in constant time. */
	public boolean matches(byte[] expected, String value) {
		return MessageDigest.isEqual(expected, bytes(value));
	}

	/**
	 * Whether {@code value} hashes to the lower-case hex {@code expected}, in constant
	 * time.
	 */
	public boolean matchesHex(String expected, String value) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				hex(value).getBytes(StandardCharsets.US_ASCII));
	}

}
