package io.latchkey.authorization;

import java.time.Instant;

/**
 * A freshly minted authorization code and where the client must say it was sent.
 *
 * @param code the code; shown once, stored only as a hash
 * @param redirectUri the redirect URI the token request must repeat (RFC 6749 section
 * 4.1.3)
 * @param authorizationId the id of the authorization that holds the code and later its
 * tokens
 * @param expiresAt when the code stops being accepted
 */
public record IssuedCode(String code, String redirectUri, String authorizationId, Instant expiresAt) {

	@Override
	public String toString() {
		return "IssuedCode[authorizationId=" + this.authorizationId + ", expiresAt=" + this.expiresAt + "]";
	}

}
