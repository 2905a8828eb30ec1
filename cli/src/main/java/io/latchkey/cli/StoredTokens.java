package io.latchkey.cli;

import java.net.URI;
import java.time.Instant;

import io.latchkey.client.OAuthClient;
import io.latchkey.client.Tokens;
import io.latchkey.client.jdk.JdkHttpTransport;

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

	/** How long an access token is taken to last when the server does not say. */
	private static final long DEFAULT_LIFETIME_SECONDS = 300;

	static StoredTokens of(String issuer, String clientId, Tokens tokens) {
		Instant expiresAt = (tokens.expiresAt() != null) ? tokens.expiresAt()
				: Instant.now().plusSeconds(DEFAULT_LIFETIME_SECONDS);
		return new StoredTokens(issuer, clientId, tokens.accessToken(), expiresAt, tokens.refreshToken(),
				tokens.scope());
	}

	/** The client library's view of these tokens. */
	Tokens tokens() {
		return new Tokens(this.accessToken, "Bearer", this.refreshToken, this.expiresAt, this.scope, null, null);
	}

	/** A client of the server the tokens came from. */
	OAuthClient client() {
		return client(this.issuer, this.clientId);
	}

	static OAuthClient client(String issuer, String clientId) {
		return OAuthClient.builder(URI.create(issuer), clientId, new JdkHttpTransport()).build();
	}

	boolean expiresWithin(long seconds, Instant now) {
		return !this.expiresAt.isAfter(now.plusSeconds(seconds));
	}

}
