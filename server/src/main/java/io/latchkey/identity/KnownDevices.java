package io.latchkey.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import io.latchkey.shared.KeyedHash;
import io.latchkey.shared.MasterKey;
import io.latchkey.shared.Secrets;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;

/**
 * Device cookies (OWASP credential stuffing cheat sheet): a browser or app where a person
 * signed in gets a cookie naming the account's login, its stable subject and a random
 * device id, signed with a keyed hash, so that it can be neither forged nor moved to
 * another account. A sign-in attempt that presents one for the account it tries spends
 * that device's budget instead of the account's global one, so strangers guessing from
 * many addresses cannot lock the owner out of a device they signed in on before.
 * <p>
 * The signature covers the login name because the budgets are taken before the password
 * is checked, when only the name is known; the subject keeps a cookie from meaning
 * anything to a different person who is later given the same name. One browser holds one
 * device cookie, for the account that signed in last.
 */
public final class KnownDevices {

	public static final String COOKIE = "__Host-latchkey-device";

	static final Duration LIFETIME = Duration.ofDays(180);

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final KeyedHash signatures;

	KnownDevices(MasterKey masterKey) {
		this.signatures = masterKey.keyedHash("known-device");
	}

	/** The device cookie the request carries, if any. */
	public static @Nullable String presented(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/**
	 * The {@code Set-Cookie} value after a successful sign-in: the device keeps its id
	 * when it presented a valid cookie for this account, and gets a new one otherwise.
	 * @param loginName the name the person signed in with
	 * @param subject the person's stable id
	 * @param presented the device cookie of the request, if any
	 */
	public String afterSignIn(String loginName, String subject, @Nullable String presented) {
		String account = normalised(loginName);
		Device known = verify(account, presented);
		String deviceId = (known != null && known.subject().equals(subject)) ? known.id() : Secrets.random(16);
		String value = encode(subject) + "." + deviceId + "." + signature(account, subject, deviceId);
		return ResponseCookie.from(COOKIE, value)
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/")
			.maxAge(LIFETIME)
			.build()
			.toString();
	}

	/** The device id of a cookie signed for this (normalised) account, or null. */
	@Nullable String deviceOf(String account, @Nullable String presented) {
		Device device = verify(account, presented);
		return (device != null) ? device.id() : null;
	}

	private @Nullable Device verify(String account, @Nullable String presented) {
		if (presented == null) {
			return null;
		}
		String[] parts = presented.split("\\.", -1);
		if (parts.length != 3 || parts[1].isEmpty()) {
			return null;
		}
		String subject;
		try {
			subject = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		byte[] expected = signature(account, subject, parts[1]).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
			return null;
		}
		return new Device(subject, parts[1]);
	}

	private String signature(String account, String subject, String deviceId) {
		return ENCODER.encodeToString(this.signatures.bytes(bytes(account), bytes(subject), bytes(deviceId)));
	}

	private static byte[] bytes(String value) {
		// Length-prefixed, so that no two different triples hash the same parts.
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		byte[] prefixed = new byte[utf8.length + 4];
		prefixed[0] = (byte) (utf8.length >>> 24);
		prefixed[1] = (byte) (utf8.length >>> 16);
		prefixed[2] = (byte) (utf8.length >>> 8);
		prefixed[3] = (byte) utf8.length;
		System.arraycopy(utf8, 0, prefixed, 4, utf8.length);
		return prefixed;
	}

	static String normalised(String loginName) {
		return loginName.trim().toLowerCase(Locale.ROOT);
	}

	private static String encode(String subject) {
		return ENCODER.encodeToString(subject.getBytes(StandardCharsets.UTF_8));
	}

	private record Device(String subject, String id) {

	}

}
