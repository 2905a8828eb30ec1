package io.latchkey.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An invitation link, {@code <launch-url>?link=<host>~<secret>} or just
 * {@code <host>~<secret>}: the host names the authorization server, the secret is
 * redeemed once for an authorization code.
 *
 * @param host the server's host (and port, if any)
 * @param secret the lookup secret
 */
public record InvitationLink(String host, String secret) {

	private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9.:\\[\\]-]{1,255})~([A-Za-z0-9_-]{16,64})");

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	/**
	 * Reads a link as the person received it (whole URL) or its {@code link} value.
	 * @throws IllegalArgumentException when it is neither
	 */
	public static InvitationLink parse(String link) {
		String value = link.strip();
		int query = value.indexOf('?');
		if (query >= 0) {
			value = parameter(value.substring(query + 1), "link");
		}
		Matcher matcher = VALUE.matcher(value);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not an invitation link");
		}
		return new InvitationLink(matcher.group(1), matcher.group(2));
	}

	/**
	 * The issuer the host stands for: HTTPS, except plain HTTP on a loopback host, where
	 * a server runs on the developer's machine.
	 */
	public URI issuer() {
		String name = this.host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
		return URI.create((LOOPBACK.contains(name) ? "http://" : "https://") + this.host);
	}

	/** What {@code POST /api/invitation} takes as {@code secret}. */
	String value() {
		return this.host + "~" + this.secret;
	}

	private static String parameter(String query, String name) {
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
				return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		throw new IllegalArgumentException("not an invitation link");
	}

	@Override
	public String toString() {
		return "InvitationLink[" + this.host + "]";
	}

}
