package io.latchkey.cli;

import java.time.Instant;

/**
 * What a login leaves in the token file: where the tokens came from and the tokens.
 *
 * @param issuer the server's issuer URL
 * @param clientId the client the tokens were issued to
 * @param accessToken the current access token
 * @param expiresAt when the access token expires
 * @param refreshToken the refresh token, if the client has that grant
 * @param scope the granted scope
 */
record StoredTokens(String issuer, String clientId, String accessToken, Instant expiresAt, String refreshToken,
		String scope) {

	boolean expiresWithin(long seconds, Instant now) {
		return !this.expiresAt.isAfter(now.plusSeconds(seconds));
	}

}
