package io.latchkey.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@link LoginThrottle} out of the servlet container's own filter chain: it runs
 * only inside Spring Security's, right before the password is checked.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleRegistration {

	@Bean
	FilterRegistrationBean<LoginThrottle> loginThrottleServletRegistration(LoginThrottle throttle) {
		FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
		registration.setEnabled(false);
		return registration;
	}

}
