package io.latchkey.authorization;

import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Binds an access token issued with a DPoP proof to the proof's key: the {@code cnf}
 * claim carries the key's SHA-256 JWK thumbprint as {@code jkt} (RFC 9449 section 6.1).
 * The library does this only in its default token generator, which Latchkey replaces.
 */
@Component
class DPoPBoundAccessTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		Jwt proof = context.get(OAuth2TokenContext.DPOP_PROOF_KEY);
		if (proof == null || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		String thumbprint;
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> jwk = (Map<String, Object>) proof.getHeaders().get("jwk");
			thumbprint = JWK.parse(jwk).computeThumbprint().toString();
		}
		catch (JOSEException | java.text.ParseException | RuntimeException ex) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_DPOP_PROOF, "jwk header is missing or invalid", null));
		}
		context.getClaims().claims((claims) -> {
			Map<String, Object> confirmation = new LinkedHashMap<>();
			if (claims.get("cnf") instanceof Map<?, ?> existing) {
				existing.forEach((name, value) -> confirmation.put(String.valueOf(name), value));
			}
			confirmation.put("jkt", thumbprint);
			claims.put("cnf", confirmation);
		});
	}

}
