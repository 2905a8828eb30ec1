package io.latchkey.datalink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The person's side of data links needs no sign-in: the link page is open, and the
 * lease-protected endpoints check the lease and its cookie themselves. This chain has no
 * bearer-token check, so neither a session token nor an OAuth access token means anything
 * here.
 */
@Configuration(proxyBeanMethods = false)
class DataLinkSecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain dataLinkSecurityFilterChain(HttpSecurity http) {
		http.securityMatcher("/l/**", "/api/data-links/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// No ambient credential to ride on: the lease travels in a header or a
			// form field, and its cookie is SameSite=Strict and useless alone.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
