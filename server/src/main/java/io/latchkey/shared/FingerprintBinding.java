package io.latchkey.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;

/**
 * Binds a token to a browser: a random value only the browser holds, in a cookie that
 * scripts cannot read, whose hash the token carries as {@code ctx} (OWASP JWT cheat
 * sheet, token sidejacking). The {@code __Host-} prefix pins the cookie to this host,
 * path {@code /} and HTTPS. Each kind of token has a cookie of its own name, so that one
 * never replaces the other's.
 */
public final class FingerprintBinding {

	private final String cookieName;

	/**
	 * @param cookieName the cookie's name, starting with {@code __Host-}
	 */
	public FingerprintBinding(String cookieName) {
		this.cookieName = cookieName;
	}

	public String cookieName() {
		return this.cookieName;
	}

	/** 256 random bits. */
	public String newValue() {
		return Secrets.random(32);
	}

	/** The {@code ctx} claim for a cookie value: its hex SHA-256. */
	public String context(String value) {
		return Secrets.sha256Hex(value);
	}

	public boolean matches(@Nullable String cookieValue, @Nullable String context) {
		if (cookieValue == null || context == null) {
			return false;
		}
		return MessageDigest.isEqual(context(cookieValue).getBytes(StandardCharsets.US_ASCII),
				context.getBytes(StandardCharsets.US_ASCII));
	}

	public @Nullable String read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (this.cookieName.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/** The {@code Set-Cookie} value that gives the browser the fingerprint. */
	public String set(String value) {
		return ResponseCookie.from(this.cookieName, value)
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/")
			.build()
			.toString();
	}

	/** The {@code Set-Cookie} value that removes it. */
	public String clear() {
		return ResponseCookie.from(this.cookieName, "")
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/")
			.maxAge(0)
			.build()
			.toString();
	}

}
