package io.latchkey.authorization;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

/**
 * Adds SMART App Launch's {@code patient} launch context to the token response when the
 * access token carries it (SMART App Launch 2, "Launch context arrives with your access
 * token").
 */
final class SmartTokenResponseCustomizer implements Consumer<OAuth2AccessTokenAuthenticationContext> {

	@Override
	public void accept(OAuth2AccessTokenAuthenticationContext context) {
		OAuth2AccessTokenAuthenticationToken authentication = context.getAuthentication();
		Object patient = patientOf(authentication.getAccessToken().getTokenValue());
		if (patient != null) {
			Map<String, Object> parameters = new HashMap<>(authentication.getAdditionalParameters());
			parameters.put("patient", patient);
			context.getAccessTokenResponse().additionalParameters(parameters);
		}
	}

	/**
	 * The token was signed by us a moment ago; reading its claims needs no verification.
	 */
	private static Object patientOf(String accessToken) {
		try {
			Map<String, Object> claims = JWTParser.parse(accessToken).getJWTClaimsSet().getClaims();
			return claims.get("patient");
		}
		catch (ParseException ex) {
			return null;
		}
	}

}
