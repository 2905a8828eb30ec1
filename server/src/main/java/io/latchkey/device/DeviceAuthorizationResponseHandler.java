package io.latchkey.device;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes the device authorization response of RFC 8628 §3.2 with the {@code interval} the
 * library leaves out, and remembers the device's address so the confirmation page can
 * show where the request came from.
 */
final class DeviceAuthorizationResponseHandler implements AuthenticationSuccessHandler {

	static final String DEVICE_ADDRESS = "latchkey.device_address";

	private static final OAuth2TokenType DEVICE_CODE = new OAuth2TokenType("device_code");

	private final OAuth2DeviceAuthorizationResponseHttpMessageConverter converter = new OAuth2DeviceAuthorizationResponseHttpMessageConverter();

	private final OAuth2AuthorizationService authorizations;

	private final DeviceSettings settings;

	DeviceAuthorizationResponseHandler(OAuth2AuthorizationService authorizations, DeviceSettings settings) {
		this.authorizations = authorizations;
		this.settings = settings;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2DeviceAuthorizationRequestAuthenticationToken result = (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
		OAuth2DeviceCode deviceCode = result.getDeviceCode();
		OAuth2UserCode userCode = result.getUserCode();
		rememberAddress(deviceCode, request.getRemoteAddr());
		// From the request, as the library does, so that a node behind a proxy
		// answers with the address the device used (forwarded headers are trusted
		// only from the proxy).
		String verificationUri = ServletUriComponentsBuilder.fromContextPath(request)
			.path(AuthorizationServerContextHolder.getContext()
				.getAuthorizationServerSettings()
				.getDeviceVerificationEndpoint())
			.build()
			.toUriString();
		String complete = UriComponentsBuilder.fromUriString(verificationUri)
			.queryParam("user_code", userCode.getTokenValue())
			.build()
			.toUriString();
		OAuth2DeviceAuthorizationResponse body = OAuth2DeviceAuthorizationResponse.with(deviceCode, userCode)
			.verificationUri(verificationUri)
			.verificationUriComplete(complete)
			.interval(this.settings.pollInterval().toSeconds())
			.build();
		response.setHeader("Cache-Control", "no-store");
		this.converter.write(body, null, new ServletServerHttpResponse(response));
	}

	private void rememberAddress(OAuth2DeviceCode deviceCode, String address) {
		OAuth2Authorization authorization = this.authorizations.findByToken(deviceCode.getTokenValue(), DEVICE_CODE);
		if (authorization != null) {
			this.authorizations
				.save(OAuth2Authorization.from(authorization).attribute(DEVICE_ADDRESS, address).build());
		}
	}

}
