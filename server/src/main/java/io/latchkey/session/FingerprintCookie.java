package io.latchkey.session;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import io.latchkey.shared.Secrets;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;

/**
 * The session's fingerprint: a random value only the browser holds, in a cookie that
 * scripts cannot read, whose hash the token carries as {@code ctx} (OWASP JWT cheat
 * sheet, token sidejacking). The {@code __Host-} prefix pins it to this host, path
 * {@code /} and HTTPS.
 */
final class FingerprintCookie {

	static final String NAME = "__Host-latchkey-fgp";

	private FingerprintCookie() {
	}

	/** 256 random bits. */
	static String newValue() {
		return Secrets.random(32);
	}

	static String context(String value) {
		return Secrets.sha256Hex(value);
	}

	static boolean matches(@Nullable String cookieValue, @Nullable String context) {
		if (cookieValue == null || context == null) {
			return false;
		}
		return MessageDigest.isEqual(context(cookieValue).getBytes(StandardCharsets.US_ASCII),
				context.getBytes(StandardCharsets.US_ASCII));
	}

	static @Nullable String read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	static String set(String value) {
		return ResponseCookie.from(NAME, value)
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/")
			.build()
			.toString();
	}

	static String clear() {
		return ResponseCookie.from(NAME, "")
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/")
			.maxAge(0)
			.build()
			.toString();
	}

}
