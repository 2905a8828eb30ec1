package io.latchkey.device;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The store as the library's device authorization provider sees it: what Latchkey adds to
 * a new device authorization (the scopes the library cannot check, the device's address)
 * goes into the one insert that saves it, rather than a read and an update after it.
 */
final class NewDeviceAuthorizations implements OAuth2AuthorizationService {

	private static final ThreadLocal<UnaryOperator<OAuth2Authorization.Builder>> ADDITIONS = new ThreadLocal<>();

	private final OAuth2AuthorizationService store;

	NewDeviceAuthorizations(OAuth2AuthorizationService store) {
		this.store = store;
	}

	/** Runs the library's provider so that what it saves gets the additions. */
	static <T> T adding(UnaryOperator<OAuth2Authorization.Builder> additions, Supplier<T> provider) {
		ADDITIONS.set(additions);
		try {
			return provider.get();
		}
		finally {
			ADDITIONS.remove();
		}
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		UnaryOperator<OAuth2Authorization.Builder> additions = ADDITIONS.get();
		this.store.save(
				(additions != null) ? additions.apply(OAuth2Authorization.from(authorization)).build() : authorization);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.store.remove(authorization);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.store.findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		return this.store.findByToken(token, tokenType);
	}

}
