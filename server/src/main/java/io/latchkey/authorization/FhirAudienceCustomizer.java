package io.latchkey.authorization;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes the FHIR server the authorization request named in {@code aud} the access token's
 * audience (SMART App Launch 2: the server must check {@code aud}, and the resource
 * server checks the token is for it). The request stays with the authorization, so
 * refreshed tokens keep the audience. Without {@code aud} the token keeps the library's
 * audience, the client id.
 */
@Component
@Order(10)
class FhirAudienceCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SmartSettings settings;

	FhirAudienceCustomizer(SmartSettings settings) {
		this.settings = settings;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) || authorization == null
				|| !this.settings.checksAudience()) {
			return;
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		if (request != null && request.getAdditionalParameters()
			.get(SmartAuthorizationRequestValidator.AUDIENCE) instanceof String audience) {
			this.settings.fhirServerNamedBy(audience)
				.ifPresent((fhirServer) -> context.getClaims().audience(List.of(fhirServer)));
		}
	}

}
