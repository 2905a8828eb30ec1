package io.latchkey.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.latchkey.shared.Secrets;

/**
 * A PKCE verifier and its S256 challenge (RFC 7636 §4.1, §4.2).
 */
public record Pkce(String verifier, String challenge) {

	public static Pkce create() {
		String verifier = Secrets.random(32);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
		return new Pkce(verifier, challenge);
	}

}
