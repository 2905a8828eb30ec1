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
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a device's scopes where the library's exact-string check is not enough, and lets
 * the library check the rest. A device may ask for {@code openid}, which the library
 * refuses at the device authorization endpoint: desktop programs ask for it to learn who
 * signed in, and the device grant then answers with an ID token
 * ({@link DeviceIdTokenIssuer}). And a SMART resource scope may narrow a registered one
 * ({@link SmartScopes}). Such scopes are added back to the scopes the person is asked to
 * approve once the library has accepted the request. Both, and the device's address, go
 * into the insert that saves the new authorization.
 */
final class OpenIdDeviceAuthorizationProvider implements AuthenticationProvider {

	static final String DEVICE_ADDRESS = "latchkey.device_address";

	private final AuthenticationProvider delegate;

	/**
	 * @param delegate the library's provider, saving through
	 * {@link NewDeviceAuthorizations}
	 */
	OpenIdDeviceAuthorizationProvider(AuthenticationProvider delegate) {
		this.delegate = delegate;
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
		String address = deviceAddress();
		if (checkedHere.isEmpty()) {
			return NewDeviceAuthorizations.adding((authorization) -> withAddress(authorization, address),
					() -> this.delegate.authenticate(authentication));
		}
		if (client == null
				|| !checkedHere.stream().allMatch((scope) -> SmartScopes.permits(client.getScopes(), scope))) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
					"OAuth 2.0 Parameter: " + OAuth2ParameterNames.SCOPE, null));
		}
		OAuth2DeviceAuthorizationRequestAuthenticationToken checked = NewDeviceAuthorizations.adding(
				(authorization) -> withAddress(authorization, address).attribute(OAuth2ParameterNames.SCOPE,
						new HashSet<>(request.getScopes())),
				() -> (OAuth2DeviceAuthorizationRequestAuthenticationToken) this.delegate.authenticate(
						new OAuth2DeviceAuthorizationRequestAuthenticationToken((Authentication) request.getPrincipal(),
								String.valueOf(request.getAuthorizationUri()), libraryChecks,
								request.getAdditionalParameters())));
		if (checked == null || checked.getDeviceCode() == null || checked.getUserCode() == null) {
			return checked;
		}
		return new OAuth2DeviceAuthorizationRequestAuthenticationToken((Authentication) checked.getPrincipal(),
				request.getScopes(), checked.getDeviceCode(), checked.getUserCode());
	}

	/** Where the device asked from, for the confirmation page to show. */
	private static @Nullable String deviceAddress() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getRemoteAddr() : null;
	}

	private static OAuth2Authorization.Builder withAddress(OAuth2Authorization.Builder authorization,
			@Nullable String address) {
		return (address != null) ? authorization.attribute(DEVICE_ADDRESS, address) : authorization;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
