package io.latchkey.invitation;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

import io.latchkey.shared.Secrets;

/**
 * The link format {@code <launch-url>?link=<host>~<secret>}: the host tells an app which
 * server to redeem at, the secret is a lookup value, never a credential.
 */
final class InvitationLinks {

	/**
	 * 144 bits from SecureRandom, 24 URL-safe characters: a whole link still fits one SMS
	 * segment.
	 */
	static final int SECRET_BYTES = 18;

	private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	private static final Pattern LINK_PARAMETER = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}~[A-Za-z0-9_-]{16,64}");

	private InvitationLinks() {
	}

	static String newSecret() {
		return Secrets.random(SECRET_BYTES);
	}

	static String link(URI launchUrl, URI issuer, String secret) {
		String base = launchUrl.toString();
		return base + ((launchUrl.getRawQuery() != null) ? "&" : "?") + "link=" + host(issuer) + "~" + secret;
	}

	static String host(URI issuer) {
		return issuer.getRawAuthority();
	}

	/**
	 * The secret in what an app presents: the bare secret or the whole
	 * {@code host~secret}.
	 */
	static Optional<String> secretOf(String presented) {
		String secret = presented.substring(presented.lastIndexOf('~') + 1);
		return SECRET.matcher(secret).matches() ? Optional.of(secret) : Optional.empty();
	}

	static boolean isLinkParameter(String value) {
		return LINK_PARAMETER.matcher(value).matches();
	}

}
