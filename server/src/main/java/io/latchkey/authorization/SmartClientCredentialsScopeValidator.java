package io.latchkey.authorization;

import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;

/**
 * The client credentials grant's scope check with SMART resource scopes granted as a
 * subset of the registered ones ({@code system/Observation.rs} for a backend service
 * registered with {@code system/*.rs}), as at the authorization endpoint.
 */
final class SmartClientCredentialsScopeValidator implements Consumer<OAuth2ClientCredentialsAuthenticationContext> {

	@Override
	public void accept(OAuth2ClientCredentialsAuthenticationContext context) {
		OAuth2ClientCredentialsAuthenticationToken request = context.getAuthentication();
		if (!request.getScopes()
			.stream()
			.allMatch((scope) -> SmartScopes.permits(context.getRegisteredClient().getScopes(), scope))) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_SCOPE);
		}
	}

}
