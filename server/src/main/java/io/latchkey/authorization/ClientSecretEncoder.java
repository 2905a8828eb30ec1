package io.latchkey.authorization;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.latchkey.shared.MasterKey;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes generated client secrets with HMAC-SHA256 under a key derived from the master
 * key. A slow password hash buys nothing for a 256-bit random secret, and costs the token
 * endpoint most of its throughput; the key keeps a database dump from being enough to
 * test guesses offline.
 */
final class ClientSecretEncoder implements PasswordEncoder {

	static final String ID = "hmac-sha256";

	private final SecretKeySpec key;

	ClientSecretEncoder(MasterKey masterKey) {
		this.key = new SecretKeySpec(masterKey.derive("client-secret-hmac"), "HmacSHA256");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		byte[] expected;
		try {
			expected = Base64.getUrlDecoder().decode(encodedPassword);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(expected, mac(rawPassword));
	}

	private byte[] mac(CharSequence value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(value.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", ex);
		}
	}

}
