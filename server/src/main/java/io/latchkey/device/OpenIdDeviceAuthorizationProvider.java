package io.latchkey.device;

import java.util.HashSet;
import java.util.Set;

import io.latchkey.authorization.SmartScopes;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Checks a device's scopes where the library's exact-string check is not enough, and lets
 * the library check the rest. A device may ask for {@code openid}, which the library
 * refuses at the device authorization endpoint: desktop programs ask for it to learn who
 * signed in, and the device grant then answers with an ID token
 * ({@link DeviceIdTokenIssuer}). And a SMART resource scope may narrow a registered one
 * ({@link SmartScopes}). Such scopes are added back to the scopes the person is asked to
 * approve once the library has accepted the request.
 */
final class OpenIdDeviceAuthorizationProvider implements AuthenticationProvider {

	private static final OAuth2TokenType DEVICE_CODE = new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE);

	private final AuthenticationProvider delegate;

	private final OAuth2AuthorizationService authorizations;

	OpenIdDeviceAuthorizationProvider(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations) {
		this.delegate = delegate;
		this.authorizations = authorizations;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		OAuth2DeviceAuthorizationRequestAuthenticationToken request = (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
		RegisteredClient client = (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken principal)
				? principal.getRegisteredClient() : null;
		Set<String> libraryChecks = new HashSet<>();
		Set<String> checkedHere = new HashSet<>();
		for (String scope : request.getScopes()) {
			boolean libraryCanCheck = client != null && !OidcScopes.OPENID.equals(scope)
					&& client.getScopes().contains(scope) && SmartScopes.permits(client.getScopes(), scope);
			(libraryCanCheck ? libraryChecks : checkedHere).add(scope);
		}
		if (checkedHere.isEmpty()) {
			return this.delegate.authenticate(authentication);
		}
		if (client == null
				|| !checkedHere.stream().allMatch((scope) -> SmartScopes.permits(client.getScopes(), scope))) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
					"OAuth 2.0 Parameter: " + OAuth2ParameterNames.SCOPE, null));
		}
		OAuth2DeviceAuthorizationRequestAuthenticationToken checked = (OAuth2DeviceAuthorizationRequestAuthenticationToken) this.delegate
			.authenticate(new OAuth2DeviceAuthorizationRequestAuthenticationToken(
					(Authentication) request.getPrincipal(), String.valueOf(request.getAuthorizationUri()),
					libraryChecks, request.getAdditionalParameters()));
		if (checked == null || checked.getDeviceCode() == null || checked.getUserCode() == null) {
			return checked;
		}
		OAuth2Authorization authorization = this.authorizations.findByToken(checked.getDeviceCode().getTokenValue(),
				DEVICE_CODE);
		if (authorization == null) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.SERVER_ERROR);
		}
		this.authorizations.save(OAuth2Authorization.from(authorization)
			.attribute(OAuth2ParameterNames.SCOPE, new HashSet<>(request.getScopes()))
			.build());
		return new OAuth2DeviceAuthorizationRequestAuthenticationToken((Authentication) checked.getPrincipal(),
				request.getScopes(), checked.getDeviceCode(), checked.getUserCode());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
