package io.latchkey.authorization;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Counts access tokens issued, by grant type: {@code latchkey.tokens.issued{grant_type}}.
 */
@Component
@Order(100)
class TokenIssuanceMetrics implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final MeterRegistry registry;

	TokenIssuanceMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			this.registry
				.counter("latchkey.tokens.issued", "grant_type", context.getAuthorizationGrantType().getValue())
				.increment();
		}
	}

}
