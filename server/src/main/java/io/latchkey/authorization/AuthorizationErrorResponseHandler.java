package io.latchkey.authorization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Answers a bad authorization request as RFC 6749 §4.1.2.1 says: once the client and its
 * redirect URI are known to be good, the error goes back to the client by redirect (with
 * {@code state}), even when the library refused the request before it looked at the
 * client (a missing or unsupported {@code response_type}). Only a request whose client or
 * redirect URI cannot be trusted gets an error page, which the error controller renders
 * in the format the caller asked for.
 */
final class AuthorizationErrorResponseHandler implements AuthenticationFailureHandler {

	private final RegisteredClientRepository clients;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	AuthorizationErrorResponseHandler(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (!(exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException failure)) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest = failure
			.getAuthorizationCodeRequestAuthentication();
		String redirectUri = (authorizationRequest != null) ? authorizationRequest.getRedirectUri()
				: verifiedRedirectUri(request);
		if (!StringUtils.hasText(redirectUri)) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		String state = (authorizationRequest != null) ? authorizationRequest.getState()
				: single(request, OAuth2ParameterNames.STATE);
		OAuth2Error error = failure.getError();
		UriComponentsBuilder target = UriComponentsBuilder.fromUriString(redirectUri)
			.queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
		if (StringUtils.hasText(error.getDescription())) {
			target.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION,
					UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
		}
		if (StringUtils.hasText(state)) {
			target.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(state, StandardCharsets.UTF_8));
		}
		this.redirects.sendRedirect(request, response, target.build(true).toUriString());
	}

	/**
	 * The redirect URI of a request the library refused before it looked the client up,
	 * when the client exists and the URI passes the library's own redirect URI check;
	 * otherwise {@code null}.
	 */
	private @Nullable String verifiedRedirectUri(HttpServletRequest request) {
		String clientId = single(request, OAuth2ParameterNames.CLIENT_ID);
		String[] redirectUris = request.getParameterValues(OAuth2ParameterNames.REDIRECT_URI);
		if (clientId == null || (redirectUris != null && redirectUris.length != 1)) {
			return null;
		}
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			return null;
		}
		String requested = (redirectUris != null) ? redirectUris[0] : null;
		String scope = single(request, OAuth2ParameterNames.SCOPE);
		Set<String> scopes = (scope != null)
				? Set.copyOf(Arrays.asList(StringUtils.delimitedListToStringArray(scope, " "))) : Set.of();
		OAuth2AuthorizationCodeRequestAuthenticationToken probe = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				request.getRequestURL().toString(), clientId, new AnonymousAuthenticationToken("anonymous",
						"anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")),
				requested, null, scopes, Map.of());
		try {
			OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(
					OAuth2AuthorizationCodeRequestAuthenticationContext.with(probe).registeredClient(client).build());
		}
		catch (OAuth2AuthorizationCodeRequestAuthenticationException ex) {
			return null;
		}
		return (requested != null) ? requested : client.getRedirectUris().iterator().next();
	}

	private static @Nullable String single(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values != null && values.length == 1 && StringUtils.hasText(values[0])) ? values[0] : null;
	}

}
