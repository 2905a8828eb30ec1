package io.latchkey.device;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The QR code is fetched by the device, which has no session: open to all, stateless.
 */
@Configuration(proxyBeanMethods = false)
class DeviceQrSecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain deviceQrSecurityFilterChain(HttpSecurity http) {
		return http.securityMatcher(DeviceQrController.PATH)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
