package io.latchkey.web;

import io.latchkey.identity.KnownDevices;
import io.latchkey.identity.SignInDetails;
import io.latchkey.identity.SignedInPerson;
import io.latchkey.shared.SecretFreeRequestCache;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Everything outside the OAuth protocol endpoints: pages, Latchkey's own APIs and the
 * admin API (a {@code latchkey:admin} bearer token or a signed-in admin).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

	private static final BearerTokenResolver API_BEARER_TOKENS = new DefaultBearerTokenResolver();

	@Bean
	@Order(2)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http,
			ObjectProvider<AuthenticationManagerResolver<HttpServletRequest>> bearerTokens,
			OperationsSettings operations, ManagementPort managementPort, KnownDevices devices) {
		SecretFreeRequestCache requestCache = queryFreeRequestCache();
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/login", "/login/throttled", "/login/unavailable", "/error", "/css/**", "/js/**",
					"/favicon.ico", "/.well-known/smart-configuration", "/actuator/health/**", "/launch",
					"/api/invitation")
			.permitAll()
			.requestMatchers("/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.access(metadataAccess(operations, managementPort))
			// Staff may create and revoke data links; everything else needs an admin.
			.requestMatchers(HttpMethod.POST, "/api/admin/data-links")
			.hasAnyAuthority("SCOPE_latchkey:admin", "ROLE_admin", "ROLE_staff")
			.requestMatchers(HttpMethod.DELETE, "/api/admin/data-links/*")
			.hasAnyAuthority("SCOPE_latchkey:admin", "ROLE_admin", "ROLE_staff")
			.requestMatchers("/api/admin/**")
			.hasAnyAuthority("SCOPE_latchkey:admin", "ROLE_admin")
			// The console: staff create, send and revoke links; the rest is for admins.
			.requestMatchers(HttpMethod.GET, "/console", "/console/invitations", "/console/data-links")
			.hasAnyRole("admin", "staff")
			.requestMatchers(HttpMethod.POST, "/console/invitations", "/console/invitations/*/revoke",
					"/console/data-links", "/console/data-links/*/revoke")
			.hasAnyRole("admin", "staff")
			.requestMatchers("/console/**")
			.hasRole("admin")
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login")
				.authenticationDetailsSource(SignInDetails::new)
				.successHandler(knownDeviceCookie(devices, requestCache))
				.failureHandler(new SignInFailureHandler()))
			.requestCache((cache) -> cache.requestCache(requestCache))
			// A signed-in person refused a page gets the error page; without this, the
			// resource server's bearer-token answer (a bare 403) would apply everywhere.
			.exceptionHandling((exceptions) -> exceptions.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(),
					(request) -> !isApi(request) && !isMetadata(request)))
			.oauth2ResourceServer((resourceServer) -> {
				resourceServer.bearerTokenResolver(WebSecurityConfig::apiBearerToken);
				// A feature may contribute the bearer-token check (sessions do, to
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
	 * After a sign-in on the login page, the browser gets (or keeps) its known-device
	 * cookie, then returns to where it was going.
	 */
	private static AuthenticationSuccessHandler knownDeviceCookie(KnownDevices devices,
			SecretFreeRequestCache requestCache) {
		SavedRequestAwareAuthenticationSuccessHandler returnToSavedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
		returnToSavedRequest.setRequestCache(requestCache);
		return (request, response, authentication) -> {
			String loginName = request.getParameter("username");
			if (loginName != null) {
				response.addHeader(HttpHeaders.SET_COOKIE, devices.afterSignIn(loginName,
						SignedInPerson.of(authentication).subject(), KnownDevices.presented(request)));
			}
			returnToSavedRequest.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * Metrics and the API description tell an attacker what runs and how busy it is:
	 * admins only, unless the operator opens them or asks on the management port.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> metadataAccess(OperationsSettings operations,
			ManagementPort managementPort) {
		if (operations.publicMetadata()) {
			return (authentication, context) -> new AuthorizationDecision(true);
		}
		return AuthorizationManagers.anyOf(
				(authentication, context) -> new AuthorizationDecision(managementPort.received(context.getRequest())),
				AuthorityAuthorizationManager.hasAnyAuthority("SCOPE_latchkey:admin", "ROLE_admin"));
	}

	/**
	 * Bearer tokens count only on Latchkey's APIs and the operational metadata (metrics,
	 * the API description). Pages, the consent page and the device pages ignore the
	 * header, so no token of any kind signs a person in there: people sign in on the
	 * login page.
	 */
	private static @Nullable String apiBearerToken(HttpServletRequest request) {
		return (isApi(request) || isMetadata(request)) ? API_BEARER_TOKENS.resolve(request) : null;
	}

	private static boolean isMetadata(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/actuator/") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/**
	 * Remembers where to return after sign-in only for plain GETs without a query string:
	 * the saved request lives in the session table, and query strings carry link secrets
	 * and codes, which must never reach the database in plain form.
	 */
	private static SecretFreeRequestCache queryFreeRequestCache() {
		return new SecretFreeRequestCache(
				(request) -> request.getQueryString() == null && !request.getRequestURI().endsWith("/favicon.ico"));
	}

	/**
	 * Cross-site request forgery rides on credentials the browser adds by itself. An API
	 * call authenticates with its bearer token, which the browser never adds, or without
	 * a session cookie carries no credential to ride on. Pages ignore bearer tokens, so
	 * there the header exempts nothing; the sign-in form keeps its token (login CSRF).
	 */
	private static boolean cannotBeForged(HttpServletRequest request) {
		return isApi(request)
				&& (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() == null);
	}

}
