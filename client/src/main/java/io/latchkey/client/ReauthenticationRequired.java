package io.latchkey.client;

import java.io.IOException;

/**
 * The app holds no usable refresh token any more (none stored, or the server answered
 * {@code invalid_grant}: expired, revoked, or its family revoked after a reuse), so the
 * person has to sign in again. An {@link IOException} so that it passes through
 * transports and OkHttp interceptors unchanged.
 */
public class ReauthenticationRequired extends IOException {

	public ReauthenticationRequired(String message) {
		super(message);
	}

}
