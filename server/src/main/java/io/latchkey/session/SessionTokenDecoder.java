package io.latchkey.session;

import java.time.Clock;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.latchkey.shared.LatchkeyProperties;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Decodes session tokens only: ES256 under Latchkey's keys, {@code typ}
 * {@value SessionTokens#TYPE}, issued by and for this server. Deliberately not a
 * {@code JwtDecoder} bean, which would replace the one OAuth tokens are checked with.
 */
@Component
class SessionTokenDecoder {

	private final NimbusJwtDecoder decoder;

	SessionTokenDecoder(JWKSource<SecurityContext> keys, LatchkeyProperties properties, Clock clock) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(SessionTokens.TYPE)));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
		// The claims are checked by the validators below.
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		String issuer = properties.issuer().toString();
		this.decoder = new NimbusJwtDecoder(processor);
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTypeValidator(SessionTokens.TYPE),
				timestamps, new JwtIssuerValidator(issuer), new JwtAudienceValidator(issuer)));
	}

	Jwt decode(String token) throws JwtException {
		return this.decoder.decode(token);
	}

}
