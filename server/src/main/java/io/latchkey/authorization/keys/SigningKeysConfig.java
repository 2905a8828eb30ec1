package io.latchkey.authorization.keys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Signing keys: ES256 for access tokens, RS256 for ID tokens, both kept in the database
 * (see {@link SigningKeys}, which is also the {@code JWKSource} bean).
 */
@Configuration(proxyBeanMethods = false)
class SigningKeysConfig {

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		// Only the active key of each algorithm is offered, so the encoder's choice
		// is never ambiguous; previous keys only verify.
		return new NimbusJwtEncoder(keys.signingSource());
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> accessTokenAlgorithm() {
		return (context) -> {
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
			}
		};
	}

}
