package io.latchkey.authorization;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Authenticates a public client at the revocation endpoint by its registration alone; a
 * client registered with credentials must present them. The library then revokes a token
 * only if it was issued to this client.
 */
final class PublicClientRevocationAuthenticationProvider implements AuthenticationProvider {

	private final RegisteredClientRepository clients;

	PublicClientRevocationAuthenticationProvider(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
		if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
				|| !request.getAdditionalParameters()
					.containsKey(PublicClientRevocationAuthenticationConverter.REVOCATION)) {
			return null;
		}
		RegisteredClient client = this.clients.findByClientId(String.valueOf(request.getPrincipal()));
		if (!isPublic(client)) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
					"Client authentication failed: " + OAuth2ParameterNames.CLIENT_ID, null));
		}
		return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
	}

	static boolean isPublic(@Nullable RegisteredClient client) {
		return client != null && client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
