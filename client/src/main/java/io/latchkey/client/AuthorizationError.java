package io.latchkey.client;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * The authorization server refused a step with an OAuth error (RFC 6749 section 5.2, RFC
 * 8628 section 3.5), for example {@code access_denied} when the person denied a device
 * sign-in.
 */
public class AuthorizationError extends IOException {

	private final String error;

	public AuthorizationError(String error, @Nullable String description) {
		super((description != null) ? error + ": " + description : error);
		this.error = error;
	}

	/** The OAuth error code. */
	public String error() {
		return this.error;
	}

}
