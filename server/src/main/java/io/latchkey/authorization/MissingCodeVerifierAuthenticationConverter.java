package io.latchkey.authorization;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refuses a public client's code exchange that carries no {@code code_verifier} with
 * {@code invalid_grant}, as RFC 7636 §4.6 says. The library authenticates public clients
 * at the code exchange through PKCE alone, so without a verifier it would find no client
 * credentials and answer {@code invalid_client}, which sends a client looking for the
 * wrong mistake. Every code Latchkey issues carries a challenge.
 */
final class MissingCodeVerifierAuthenticationConverter implements AuthenticationConverter {

	private final RegisteredClientRepository clients;

	MissingCodeVerifierAuthenticationConverter(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())
				|| !AuthorizationGrantType.AUTHORIZATION_CODE.getValue()
					.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				|| request.getParameter(PkceParameterNames.CODE_VERIFIER) != null
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter("client_assertion") != null) {
			return null;
		}
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (clientIds == null || clientIds.length != 1) {
			return null;
		}
		RegisteredClient client = this.clients.findByClientId(clientIds[0]);
		if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
			return null;
		}
		throw new OAuth2AuthenticationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "code_verifier is required", null));
	}

}
