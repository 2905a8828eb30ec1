package io.latchkey.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a sign-in or a refresh left the app holding.
 *
 * @param accessToken the access token
 * @param tokenType {@code Bearer}, or {@code DPoP} when the token is bound to the app's
 * key (RFC 9449)
 * @param refreshToken the refresh token, if the server issued one
 * @param expiresAt when the access token expires, if the server said
 * @param scope the scope granted, if the server said
 * @param idToken the OpenID Connect ID token, if any
 * @param patient the SMART patient context, if any
 */
public record Tokens(String accessToken, String tokenType, @Nullable String refreshToken, @Nullable Instant expiresAt,
		@Nullable String scope, @Nullable String idToken, @Nullable String patient) {

	public boolean dpopBound() {
		return "DPoP".equalsIgnoreCase(this.tokenType);
	}

	/**
	 * Whether the access token has expired or will within {@code margin}, so that a call
	 * made now would be refused.
	 */
	public boolean expiresWithin(Duration margin, Clock clock) {
		return this.expiresAt != null && !clock.instant().plus(margin).isBefore(this.expiresAt);
	}

	/**
	 * Tokens from a refresh: a server that does not rotate leaves the refresh token out,
	 * and the one held stays valid (RFC 6749 section 6).
	 */
	Tokens keepingRefreshTokenOf(Tokens previous) {
		return (this.refreshToken != null) ? this
				: new Tokens(this.accessToken, this.tokenType, previous.refreshToken, this.expiresAt,
						(this.scope != null) ? this.scope : previous.scope, this.idToken,
						(this.patient != null) ? this.patient : previous.patient);
	}

	@Override
	public String toString() {
		return "Tokens[type=" + this.tokenType + ", expiresAt=" + this.expiresAt + ", scope=" + this.scope
				+ ", refreshable=" + (this.refreshToken != null) + "]";
	}

}
