package io.latchkey.shared;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Remembers a request that sent the person to sign in, minus its secrets: the saved
 * request lives in the session table. {@code /oauth2/authorize} keeps its query (client,
 * redirect, state, PKCE challenge: nothing that grants anything by itself); a
 * {@code user_code} is dropped, so after signing in the person lands on the empty
 * verification page and types the code the device still shows. Cookies and the
 * {@code Referer} are never kept. Every filter chain that sends people to sign in uses
 * this cache, each with its own rule of which requests are worth remembering.
 */
public final class SecretFreeRequestCache extends HttpSessionRequestCache {

	/** Query parameters of the protocol endpoints that are secrets in themselves. */
	static final Set<String> SECRET_PARAMETERS = Set.of("user_code");

	/** Remembers GET requests that {@code worthRemembering} accepts. */
	public SecretFreeRequestCache(RequestMatcher worthRemembering) {
		setRequestMatcher((request) -> "GET".equals(request.getMethod()) && worthRemembering.matches(request));
	}

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		super.saveRequest(new WithoutSecrets(request), response);
	}

	private static final class WithoutSecrets extends HttpServletRequestWrapper {

		WithoutSecrets(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getQueryString() {
			String query = super.getQueryString();
			if (query == null) {
				return null;
			}
			String kept = Arrays.stream(query.split("&"))
				.filter((pair) -> !SECRET_PARAMETERS
					.contains(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).trim()))
				.collect(Collectors.joining("&"));
			return kept.isEmpty() ? null : kept;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> kept = new LinkedHashMap<>(super.getParameterMap());
			kept.keySet().removeAll(SECRET_PARAMETERS);
			return Collections.unmodifiableMap(kept);
		}

		@Override
		public @Nullable String getParameter(String name) {
			return SECRET_PARAMETERS.contains(name) ? null : super.getParameter(name);
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return SECRET_PARAMETERS.contains(name) ? null : super.getParameterValues(name);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public Cookie @Nullable [] getCookies() {
			return null;
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			return Collections.enumeration(names.stream()
				.filter((name) -> !HttpHeaders.REFERER.equalsIgnoreCase(name)
						&& !HttpHeaders.COOKIE.equalsIgnoreCase(name))
				.collect(Collectors.toList()));
		}

	}

}
