package io.latchkey.client;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Tokens held only while the process runs.
 */
public final class InMemoryTokenStore implements TokenStore {

	private final AtomicReference<@Nullable Tokens> tokens = new AtomicReference<>();

	public InMemoryTokenStore() {
	}

	public InMemoryTokenStore(Tokens tokens) {
		this.tokens.set(tokens);
	}

	@Override
	public @Nullable Tokens load() {
		return this.tokens.get();
	}

	@Override
	public void save(Tokens tokens) {
		this.tokens.set(tokens);
	}

	@Override
	public void clear() {
		this.tokens.set(null);
	}

}
