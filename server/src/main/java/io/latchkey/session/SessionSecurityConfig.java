package io.latchkey.session;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The session API's own filter chain, and the bearer-token check the rest of Latchkey's
 * APIs use (the admin API among them), which accepts session tokens with their cookie.
 */
@Configuration(proxyBeanMethods = false)
class SessionSecurityConfig {

	@Bean
	AuthenticationManagerResolver<HttpServletRequest> sessionAwareBearerTokens(JwtDecoder accessTokens,
			SessionTokenDecoder sessionTokens, RevokedSessions revoked) {
		return new SessionTokenAuthenticationManagerResolver(accessTokens, sessionTokens, revoked, false);
	}

	@Bean
	@Order(1)
	SecurityFilterChain sessionSecurityFilterChain(HttpSecurity http, JwtDecoder accessTokens,
			SessionTokenDecoder sessionTokens, RevokedSessions revoked) {
		http.securityMatcher("/api/session", "/api/session/**")
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(HttpMethod.POST, "/api/session")
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// Nothing here rides on ambient credentials: the token travels in a
			// header, the cookie is SameSite=Strict and useless alone, and sign-in
			// takes JSON only.
			.csrf((csrf) -> csrf.disable())
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(
					new SessionTokenAuthenticationManagerResolver(accessTokens, sessionTokens, revoked, true)));
		return http.build();
	}

}
