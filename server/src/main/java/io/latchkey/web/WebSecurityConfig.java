package io.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Everything outside the OAuth protocol endpoints: pages, Latchkey's own APIs and the
 * admin API (a {@code latchkey:admin} bearer token or a signed-in admin).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

	@Bean
	@Order(2)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http, LoginThrottle loginThrottle,
			ObjectProvider<AuthenticationManagerResolver<HttpServletRequest>> bearerTokens) {
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/login", "/login/throttled", "/login/unavailable", "/error", "/css/**", "/favicon.ico",
					"/.well-known/smart-configuration", "/actuator/health/**", "/actuator/prometheus",
					"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/launch", "/api/invitation")
			.permitAll()
			// Staff may create and revoke data links; everything else needs an admin.
			.requestMatchers(HttpMethod.POST, "/api/admin/data-links")
			.hasAnyAuthority("SCOPE_latchkey:admin", "ROLE_admin", "ROLE_staff")
			.requestMatchers(HttpMethod.DELETE, "/api/admin/data-links/*")
			.hasAnyAuthority("SCOPE_latchkey:admin", "ROLE_admin", "ROLE_staff")
			.requestMatchers("/api/admin/**")
			.hasAnyAuthority("SCOPE_latchkey:admin", "ROLE_admin")
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login").failureHandler(new SignInFailureHandler()))
			.requestCache((cache) -> cache.requestCache(queryFreeRequestCache()))
			.addFilterBefore(loginThrottle, UsernamePasswordAuthenticationFilter.class)
			.oauth2ResourceServer((resourceServer) -> {
				// A feature may contribute the bearer-token check (first-party sessions
				// do, to
				// require their fingerprint cookie); otherwise plain JWT validation.
				AuthenticationManagerResolver<HttpServletRequest> resolver = bearerTokens.getIfAvailable();
				if (resolver != null) {
					resourceServer.authenticationManagerResolver(resolver);
				}
				else {
					resourceServer.jwt(Customizer.withDefaults());
				}
			})
			.csrf((csrf) -> csrf.ignoringRequestMatchers(WebSecurityConfig::cannotBeForged));
		return http.build();
	}

	/**
	 * Remembers where to return after sign-in only for plain GETs without a query string:
	 * the saved request lives in the session table, and query strings carry link secrets
	 * and codes, which must never reach the database in plain form.
	 */
	private static HttpSessionRequestCache queryFreeRequestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher((request) -> "GET".equals(request.getMethod()) && request.getQueryString() == null
				&& !request.getRequestURI().endsWith("/favicon.ico"));
		return cache;
	}

	/**
	 * Cross-site request forgery rides on credentials the browser adds by itself. A
	 * bearer token is never added by the browser, and an API call without a session
	 * cookie carries no credential to ride on; the sign-in form keeps its token (login
	 * CSRF).
	 */
	private static boolean cannotBeForged(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| (request.getRequestURI().startsWith("/api/") && request.getRequestedSessionId() == null);
	}

}
