package io.latchkey.authorization.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

/**
 * Where authorizations (codes, access and refresh tokens) are kept.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationStoreConfig {

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new InMemoryOAuth2AuthorizationService();
	}

}
