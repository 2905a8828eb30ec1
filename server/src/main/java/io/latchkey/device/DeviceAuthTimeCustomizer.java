package io.latchkey.device;

import java.time.Instant;
import java.util.Date;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives a device grant's ID token {@code auth_time}: when the person who approved last
 * proved who they are (OpenID Connect Core 1.0 §2). The library sets it only for the
 * authorization code grant; refreshed ID tokens copy it from the first one.
 */
@Component
class DeviceAuthTimeCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		if (!AuthorizationGrantType.DEVICE_CODE.equals(context.getAuthorizationGrantType())
				|| !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		Instant authenticated = null;
		for (GrantedAuthority authority : context.getPrincipal().getAuthorities()) {
			if (authority instanceof FactorGrantedAuthority factor
					&& (authenticated == null || factor.getIssuedAt().isAfter(authenticated))) {
				authenticated = factor.getIssuedAt();
			}
		}
		if (authenticated != null) {
			context.getClaims().claim(IdTokenClaimNames.AUTH_TIME, Date.from(authenticated));
		}
	}

}
