package io.latchkey.authorization.store;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the store remembers, as an attribute of an authorization it rebuilt, about the row
 * it came from: the row version, for conditional updates, and the stored hashes that
 * placeholder values stand for.
 *
 * @param version the row version when read
 * @param hashes stored hashes by column prefix ({@code state}, {@code access_token}, …)
 * @param refreshTokenExpiresAt when the stored refresh token expires, if there is one
 */
record LoadedAuthorization(long version, Map<String, String> hashes, @Nullable Instant refreshTokenExpiresAt) {

	static final String ATTRIBUTE = LoadedAuthorization.class.getName();

	@Nullable String hash(String column) {
		return this.hashes.get(column);
	}

}
