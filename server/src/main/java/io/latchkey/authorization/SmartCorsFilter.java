package io.latchkey.authorization;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for browser apps ({@link SmartBrowserOrigins}) on the endpoints a SMART app in the
 * browser calls itself: discovery, token, revocation and JWKS. Not on introspection,
 * which is for resource servers with a secret, and not on any page. A preflight is
 * answered here, before the security filters, which would ask it to authenticate; an
 * origin that is not registered gets no CORS headers, and its preflight a 403.
 * Credentials (cookies) are never allowed: these endpoints take none from a browser.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SmartCorsFilter extends OncePerRequestFilter {

	static final List<String> DISCOVERY = List.of("/.well-known/smart-configuration",
			"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");

	private static final Duration PREFLIGHT_CACHE = Duration.ofMinutes(10);

	private final List<String> paths;

	private final SmartBrowserOrigins origins;

	private final CorsProcessor processor = new SilentlyRefusingCorsProcessor();

	SmartCorsFilter(AuthorizationServerSettings settings, SmartBrowserOrigins origins) {
		this.paths = List.copyOf(concat(DISCOVERY, List.of(settings.getTokenEndpoint(),
				settings.getTokenRevocationEndpoint(), settings.getJwkSetEndpoint())));
		this.origins = origins;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return request.getHeader(HttpHeaders.ORIGIN) == null || !this.paths.contains(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CorsConfiguration configuration = configurationFor(request);
		boolean preflight = CorsUtils.isPreFlightRequest(request);
		if (!preflight && configuration != null
				&& configuration.checkHttpMethod(HttpMethod.valueOf(request.getMethod())) == null) {
			// Not a method the app may call across origins: the endpoint refuses it
			// the way it refuses it to anyone, without CORS headers.
			configuration = null;
		}
		if (preflight && configuration == null) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		if (!this.processor.processRequest(configuration, request, response) || preflight) {
			return;
		}
		chain.doFilter(request, response);
	}

	private @Nullable CorsConfiguration configurationFor(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		try {
			if (!this.origins.isRegistered(origin)) {
				return null;
			}
		}
		catch (DataAccessException ex) {
			return null;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(List.of(origin));
		configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
		configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "DPoP"));
		configuration.setExposedHeaders(List.of("DPoP-Nonce", HttpHeaders.WWW_AUTHENTICATE));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(PREFLIGHT_CACHE);
		return configuration;
	}

	/** Refuses with a bare 403: no text where clients expect RFC 6749 JSON. */
	private static final class SilentlyRefusingCorsProcessor extends DefaultCorsProcessor {

		@Override
		protected void rejectRequest(ServerHttpResponse response) throws IOException {
			response.setStatusCode(HttpStatus.FORBIDDEN);
			response.flush();
		}

	}

	private static List<String> concat(List<String> first, List<String> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

}
