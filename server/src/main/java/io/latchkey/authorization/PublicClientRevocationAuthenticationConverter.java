package io.latchkey.authorization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Recognises a revocation request from a public client: {@code client_id} and no client
 * credentials. RFC 7009 §2.1 lets a client without credentials revoke its tokens (a
 * native app signing out, RFC 8252 §8.5); the library knows public clients only at the
 * code exchange, where PKCE authenticates them. A request naming any other client is left
 * to the library, so a certificate still authenticates its client and a bare id of a
 * client with a secret is answered {@code invalid_client}.
 */
final class PublicClientRevocationAuthenticationConverter implements AuthenticationConverter {

	/** Marks a request read here, so only its provider answers it. */
	static final String REVOCATION = PublicClientRevocationAuthenticationConverter.class.getName() + ".revocation";

	private final RegisteredClientRepository clients;

	private final RequestMatcher revocationEndpoint;

	PublicClientRevocationAuthenticationConverter(RegisteredClientRepository clients, String revocationEndpoint) {
		this.clients = clients;
		this.revocationEndpoint = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, revocationEndpoint);
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		if (!this.revocationEndpoint.matches(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter("client_assertion") != null) {
			return null;
		}
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (clientIds == null) {
			return null;
		}
		if (clientIds.length != 1 || clientIds[0].isBlank()) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
		}
		if (!PublicClientRevocationAuthenticationProvider.isPublic(this.clients.findByClientId(clientIds[0]))) {
			return null;
		}
		Map<String, Object> additionalParameters = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!OAuth2ParameterNames.CLIENT_ID.equals(name)) {
				additionalParameters.put(name, (values.length == 1) ? values[0] : List.of(values));
			}
		});
		additionalParameters.put(REVOCATION, true);
		return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
				additionalParameters);
	}

}
