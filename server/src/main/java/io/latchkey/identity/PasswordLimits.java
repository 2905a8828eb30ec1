package io.latchkey.identity;

import java.nio.charset.StandardCharsets;

/**
 * What a password Latchkey stores must fit. bcrypt reads at most 72 bytes and Spring
 * Security's encoder refuses longer input rather than ignore the rest, so a longer
 * password is refused when it is set, and simply does not match when it is tried.
 */
public final class PasswordLimits {

	/** bcrypt's limit, in UTF-8 bytes (not characters). */
	public static final int MAX_BYTES = 72;

	private PasswordLimits() {
	}

	public static boolean fitsHash(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

}
