package io.latchkey.authorization.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/**
 * The kinds of token an authorization holds, each with its own hash column and the
 * {@code OAuth2TokenType} value the library looks it up by.
 */
enum StoredToken {

	ACCESS_TOKEN("access_token", OAuth2AccessToken.class, "access_token"),

	REFRESH_TOKEN("refresh_token", OAuth2RefreshToken.class, "refresh_token"),

	AUTHORIZATION_CODE("authorization_code", OAuth2AuthorizationCode.class, "code"),

	ID_TOKEN("oidc_id_token", OidcIdToken.class, "id_token"),

	DEVICE_CODE("device_code", OAuth2DeviceCode.class, "device_code"),

	USER_CODE("user_code", OAuth2UserCode.class, "user_code");

	/**
	 * Marks a token value the store did not get back: only hashes are kept. Not a secret,
	 * and never equal to a value the server issues.
	 */
	static final String PLACEHOLDER_PREFIX = "[hashed-in-store] ";

	private final String column;

	private final Class<? extends OAuth2Token> type;

	private final String lookupType;

	StoredToken(String column, Class<? extends OAuth2Token> type, String lookupType) {
		this.column = column;
		this.type = type;
		this.lookupType = lookupType;
	}

	String column() {
		return this.column;
	}

	String lookupType() {
		return this.lookupType;
	}

	String placeholder() {
		return PLACEHOLDER_PREFIX + this.lookupType;
	}

	static boolean isPlaceholder(String value) {
		return value.startsWith(PLACEHOLDER_PREFIX);
	}

	OAuth2Authorization.@Nullable Token<? extends OAuth2Token> in(OAuth2Authorization authorization) {
		return authorization.getToken(this.type);
	}

	@SuppressWarnings("unchecked")
	OAuth2Token create(String value, @Nullable Instant issuedAt, @Nullable Instant expiresAt,
			Map<String, Object> metadata, @Nullable String accessTokenType, Set<String> accessTokenScopes) {
		return switch (this) {
			case ACCESS_TOKEN -> new OAuth2AccessToken(
					OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(accessTokenType)
							? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER,
					value, issuedAt, expiresAt, accessTokenScopes);
			case REFRESH_TOKEN -> new OAuth2RefreshToken(value, issuedAt, expiresAt);
			case AUTHORIZATION_CODE -> new OAuth2AuthorizationCode(value, issuedAt, expiresAt);
			case ID_TOKEN -> new OidcIdToken(value, issuedAt, expiresAt,
					(Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME));
			case DEVICE_CODE -> new OAuth2DeviceCode(value, issuedAt, expiresAt);
			case USER_CODE -> new OAuth2UserCode(value, issuedAt, expiresAt);
		};
	}

}
