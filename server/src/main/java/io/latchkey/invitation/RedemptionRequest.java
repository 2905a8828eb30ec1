package io.latchkey.invitation;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /api/invitation}, read by hand so that every way of getting it
 * wrong (not JSON, wrong types, oversized values) ends in the same answer.
 *
 * @param secret the link secret
 * @param codeChallenge the app's own S256 challenge, if it sent one
 * @param audience the FHIR server the app asks tokens for ({@code aud}), if it named one
 */
record RedemptionRequest(String secret, @Nullable String codeChallenge, @Nullable String audience) {

	private static final int MAX_AUDIENCE_LENGTH = 2048;

	/**
	 * An S256 challenge is the base64url SHA-256 of the verifier: 43 characters (RFC 7636
	 * section 4.2).
	 */
	private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

	@Override
	public String toString() {
		return "RedemptionRequest[challenge=" + (this.codeChallenge != null) + ", aud=" + this.audience + "]";
	}

	static Optional<RedemptionRequest> parse(byte[] body, JsonMapper json) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
		if (root == null || !root.isObject() || !(root.get("secret") instanceof JsonNode secretNode)
				|| !secretNode.isString()) {
			return Optional.empty();
		}
		String challenge = text(root.get("code_challenge"));
		String method = text(root.get("code_challenge_method"));
		if ((root.has("code_challenge") && challenge == null)
				|| (root.has("code_challenge_method") && method == null)) {
			return Optional.empty();
		}
		// Only S256: "plain" would put the verifier itself on the wire (RFC
		// 7636 section 7.2).
		if (challenge != null
				&& (!S256_CHALLENGE.matcher(challenge).matches() || (method != null && !"S256".equals(method)))) {
			return Optional.empty();
		}
		if (challenge == null && method != null) {
			return Optional.empty();
		}
		String audience = text(root.get("aud"));
		if (root.has("aud") && (audience == null || audience.isBlank() || audience.length() > MAX_AUDIENCE_LENGTH)) {
			return Optional.empty();
		}
		return InvitationLinks.secretOf(secretNode.asString())
			.map((secret) -> new RedemptionRequest(secret, challenge, audience));
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

}
