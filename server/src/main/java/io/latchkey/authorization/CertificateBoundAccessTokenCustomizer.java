package io.latchkey.authorization;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Binds an access token to the certificate its client authenticated with: the {@code cnf}
 * claim carries the certificate's SHA-256 thumbprint as {@code x5t#S256} (RFC 8705
 * section 3.1). The library does this only in its default token generator, which Latchkey
 * replaces.
 */
@Component
class CertificateBoundAccessTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				|| !context.getRegisteredClient().getTokenSettings().isX509CertificateBoundAccessTokens()
				|| context.getAuthorizationGrant() == null
				|| !(context.getAuthorizationGrant().getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
				|| !(ClientAuthenticationMethod.TLS_CLIENT_AUTH.equals(client.getClientAuthenticationMethod())
						|| ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH
							.equals(client.getClientAuthenticationMethod()))
				|| !(client.getCredentials() instanceof X509Certificate[] chain) || chain.length == 0) {
			return;
		}
		String thumbprint = thumbprint(chain[0]);
		context.getClaims().claims((claims) -> {
			Map<String, Object> confirmation = new LinkedHashMap<>();
			if (claims.get("cnf") instanceof Map<?, ?> existing) {
				existing.forEach((name, value) -> confirmation.put(String.valueOf(name), value));
			}
			confirmation.put("x5t#S256", thumbprint);
			claims.put("cnf", confirmation);
		});
	}

	static String thumbprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.SERVER_ERROR);
		}
	}

}
