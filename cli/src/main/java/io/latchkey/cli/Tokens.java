package io.latchkey.cli;

import java.time.Instant;

import io.latchkey.cli.OAuthHttp.Answer;

/**
 * Turns a token response into what the token file keeps.
 */
final class Tokens {

	private Tokens() {
	}

	/**
	 * A refresh response may omit the refresh token or scope; then the previous ones
	 * stay.
	 */
	static StoredTokens from(String issuer, String clientId, Answer response, StoredTokens previous) {
		String accessToken = response.text("access_token");
		if (accessToken == null) {
			throw new CliException("the token response carried no access token", Latchkey.FAILED);
		}
		String refreshToken = response.text("refresh_token");
		String scope = response.text("scope");
		return new StoredTokens(issuer, clientId, accessToken,
				Instant.now().plusSeconds(response.number("expires_in", 300)),
				(refreshToken != null || previous == null) ? refreshToken : previous.refreshToken(),
				(scope != null || previous == null) ? scope : previous.scope());
	}

}
