package io.latchkey.authorization;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * SMART App Launch's {@code offline_access}: a client registered with that scope gets a
 * refresh token from the authorization code grant only when the person granted it. A
 * client without {@code offline_access} among its registered scopes gets refresh tokens
 * as its grant types say (plain OAuth clients know nothing of the scope). Refreshes keep
 * rotating: the grant had offline access when it began. {@code online_access} (a refresh
 * token that lives only as long as the browser session) is not offered.
 */
final class SmartOfflineAccess implements OAuth2TokenGenerator<OAuth2RefreshToken> {

	static final String OFFLINE_ACCESS = "offline_access";

	private final OAuth2TokenGenerator<OAuth2RefreshToken> refreshTokens;

	SmartOfflineAccess(OAuth2TokenGenerator<OAuth2RefreshToken> refreshTokens) {
		this.refreshTokens = refreshTokens;
	}

	@Override
	public @Nullable OAuth2RefreshToken generate(OAuth2TokenContext context) {
		if (OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
				&& AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
				&& context.getRegisteredClient().getScopes().contains(OFFLINE_ACCESS)
				&& !context.getAuthorizedScopes().contains(OFFLINE_ACCESS)) {
			return null;
		}
		return this.refreshTokens.generate(context);
	}

}
