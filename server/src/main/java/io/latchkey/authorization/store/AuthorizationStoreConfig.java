package io.latchkey.authorization.store;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where authorizations (codes, access and refresh tokens) are kept: the database, hashed.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationStoreConfig {

	@Bean
	HashedTokenAuthorizationService authorizationService(JdbcClient jdbc, RegisteredClientRepository clients,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new HashedTokenAuthorizationService(jdbc, clients, new TransactionTemplate(transactionManager), clock);
	}

}
