package io.latchkey.device;

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
 * Accepts a bare {@code client_id} read by
 * {@link PublicDeviceClientAuthenticationConverter} only for a public client registered
 * for the device grant; any other client must authenticate as registered.
 */
final class PublicDeviceClientAuthenticationProvider implements AuthenticationProvider {

	static final String ENDPOINT = PublicDeviceClientAuthenticationProvider.class.getName() + ".endpoint";

	private final RegisteredClientRepository clients;

	PublicDeviceClientAuthenticationProvider(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
		if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
				|| !request.getAdditionalParameters().containsKey(ENDPOINT)) {
			return null;
		}
		RegisteredClient client = this.clients.findByClientId(String.valueOf(request.getPrincipal()));
		if (!PublicDeviceClientAuthenticationConverter.isPublicDeviceClient(client)) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
					"Client authentication failed: " + OAuth2ParameterNames.CLIENT_ID, null));
		}
		return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
