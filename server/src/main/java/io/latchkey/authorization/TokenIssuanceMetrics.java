package io.latchkey.authorization;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
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

	/** One counter per grant type, so a token costs no meter look-up. */
	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	TokenIssuanceMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			this.counters
				.computeIfAbsent(context.getAuthorizationGrantType().getValue(),
						(grantType) -> this.registry.counter("latchkey.tokens.issued", "grant_type", grantType))
				.increment();
		}
	}

}
