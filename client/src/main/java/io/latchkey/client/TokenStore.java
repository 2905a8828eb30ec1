package io.latchkey.client;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Where an app keeps its tokens between runs. {@link #save} replaces everything at once,
 * so that a rotated refresh token is never stored apart from the access token it came
 * with.
 */
public interface TokenStore {

	/** The tokens saved last, or {@code null} when signed out. */
	@Nullable Tokens load() throws IOException;

	void save(Tokens tokens) throws IOException;

	/** Forgets the tokens (sign-out, or a refresh token the server no longer accepts). */
	void clear() throws IOException;

}
