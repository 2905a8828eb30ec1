package io.latchkey.authorization;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

/**
 * Makes token responses what SMART App Launch 2 expects: {@code scope} always, also when
 * nothing was granted (the library leaves it out then), and for a person's token the
 * launch context: {@code patient} when the access token carries one, and the configured
 * {@code need_patient_banner} and {@code smart_style_url}.
 */
final class SmartTokenResponseCustomizer implements Consumer<OAuth2AccessTokenAuthenticationContext> {

	private final SmartSettings settings;

	SmartTokenResponseCustomizer(SmartSettings settings) {
		this.settings = settings;
	}

	@Override
	public void accept(OAuth2AccessTokenAuthenticationContext context) {
		OAuth2AccessTokenAuthenticationToken authentication = context.getAuthentication();
		Map<String, Object> parameters = new HashMap<>(authentication.getAdditionalParameters());
		if (authentication.getAccessToken().getScopes().isEmpty()) {
			parameters.put(OAuth2ParameterNames.SCOPE, "");
		}
		Map<String, Object> claims = claimsOf(authentication.getAccessToken().getTokenValue());
		if (claims.get("patient") != null) {
			parameters.put("patient", claims.get("patient"));
		}
		if (issuedToAPerson(claims)) {
			if (this.settings.needPatientBanner() != null) {
				parameters.put("need_patient_banner", this.settings.needPatientBanner());
			}
			if (this.settings.smartStyleUrl() != null) {
				parameters.put("smart_style_url", this.settings.smartStyleUrl().toString());
			}
		}
		context.getAccessTokenResponse().additionalParameters(parameters);
	}

	/** A client acting for itself is its own subject. */
	private static boolean issuedToAPerson(Map<String, Object> claims) {
		return claims.get("sub") != null && !Objects.equals(claims.get("sub"), claims.get("client_id"));
	}

	/**
	 * The token was signed by us a moment ago; reading its claims needs no verification.
	 * An opaque token has none.
	 */
	private static Map<String, Object> claimsOf(String accessToken) {
		try {
			return JWTParser.parse(accessToken).getJWTClaimsSet().getClaims();
		}
		catch (ParseException ex) {
			return Map.of();
		}
	}

}
