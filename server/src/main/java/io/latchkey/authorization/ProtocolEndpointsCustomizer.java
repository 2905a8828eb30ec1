package io.latchkey.authorization;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;

/**
 * Lets a feature module plug its parts (pages, rules, client authentication) into the
 * protocol endpoints without this module knowing it. Configurer methods that take a list
 * consumer replace what was set before, so implementations add providers and converters
 * one by one, and take over only endpoints no one else configures.
 */
public interface ProtocolEndpointsCustomizer {

	void customize(OAuth2AuthorizationServerConfigurer server);

	/**
	 * Wraps one of the token endpoint's providers. A rule that must refuse a grant before
	 * the library handles it has to wrap that grant's provider: a provider of its own
	 * that throws would be passed over, and the next one's answer would win.
	 */
	default AuthenticationProvider tokenEndpointProvider(AuthenticationProvider provider) {
		return provider;
	}

	/**
	 * Wraps one of the client authentication providers, for rules the library leaves to
	 * the application (a certificate chain check, for one).
	 */
	default AuthenticationProvider clientAuthenticationProvider(AuthenticationProvider provider) {
		return provider;
	}

}
