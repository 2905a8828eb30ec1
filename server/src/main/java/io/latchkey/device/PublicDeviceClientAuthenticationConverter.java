package io.latchkey.device;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a public client's bare {@code client_id} where RFC 8628 lets a device without a
 * secret identify itself (§3.1 and §3.4), and at revocation (RFC 7009 §2.1), which the
 * library accepts only together with PKCE. Only a public client registered for the device
 * grant is read so; for any other the request carries no credentials and is answered
 * {@code invalid_client}, since the library's providers would not all refuse it.
 */
final class PublicDeviceClientAuthenticationConverter implements AuthenticationConverter {

	private final RegisteredClientRepository clients;

	PublicDeviceClientAuthenticationConverter(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || !appliesTo(request)
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
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
		if (!isPublicDeviceClient(this.clients.findByClientId(clientIds[0]))) {
			return null;
		}
		Map<String, Object> additionalParameters = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!OAuth2ParameterNames.CLIENT_ID.equals(name)) {
				additionalParameters.put(name, (values.length == 1) ? values[0] : List.of(values));
			}
		});
		additionalParameters.put(PublicDeviceClientAuthenticationProvider.ENDPOINT, request.getServletPath());
		return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
				additionalParameters);
	}

	static boolean isPublicDeviceClient(@Nullable RegisteredClient client) {
		return client != null && client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
				&& client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE);
	}

	private static boolean appliesTo(HttpServletRequest request) {
		String path = request.getServletPath();
		return "/oauth2/device_authorization".equals(path) || "/oauth2/revoke".equals(path)
				|| ("/oauth2/token".equals(path) && AuthorizationGrantType.DEVICE_CODE.getValue()
					.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)));
	}

}
