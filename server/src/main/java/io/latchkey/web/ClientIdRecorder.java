package io.latchkey.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes which OAuth client a request came from, for the access log, while the security
 * context that knows it still exists.
 */
class ClientIdRecorder extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			String client = clientOf(SecurityContextHolder.getContext().getAuthentication());
			if (client != null) {
				request.setAttribute(AccessLogFilter.CLIENT_ID_ATTRIBUTE, client);
			}
		}
	}

	private static String clientOf(Authentication authentication) {
		if (authentication instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null) {
			return client.getRegisteredClient().getClientId();
		}
		if (authentication instanceof JwtAuthenticationToken jwt) {
			return jwt.getToken().getClaimAsString("client_id");
		}
		return null;
	}

}
