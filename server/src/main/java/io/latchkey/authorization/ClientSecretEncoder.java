package io.latchkey.authorization;

import java.util.Base64;

import io.latchkey.shared.KeyedHash;
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

	private final KeyedHash hash;

	ClientSecretEncoder(MasterKey masterKey) {
		this.hash = masterKey.keyedHash("client-secret-hmac");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(this.hash.bytes(rawPassword.toString()));
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
		return this.hash.matches(expected, rawPassword.toString());
	}

}
