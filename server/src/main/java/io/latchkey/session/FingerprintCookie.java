package io.latchkey.session;

import io.latchkey.shared.FingerprintBinding;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The session's fingerprint cookie, whose hash the session token carries as {@code ctx}.
 */
final class FingerprintCookie {

	static final String NAME = "__Host-latchkey-fgp";

	private static final FingerprintBinding BINDING = new FingerprintBinding(NAME);

	private FingerprintCookie() {
	}

	/** 256 random bits. */
	static String newValue() {
		return BINDING.newValue();
	}

	static String context(String value) {
		return BINDING.context(value);
	}

	static boolean matches(@Nullable String cookieValue, @Nullable String context) {
		return BINDING.matches(cookieValue, context);
	}

	static @Nullable String read(HttpServletRequest request) {
		return BINDING.read(request);
	}

	static String set(String value) {
		return BINDING.set(value);
	}

	static String clear() {
		return BINDING.clear();
	}

}
