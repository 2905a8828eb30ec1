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
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes the device authorization response of RFC 8628 §3.2 with the {@code interval} the
 * library leaves out.
 */
final class DeviceAuthorizationResponseHandler implements AuthenticationSuccessHandler {

	private final OAuth2DeviceAuthorizationResponseHttpMessageConverter converter = new OAuth2DeviceAuthorizationResponseHttpMessageConverter();

	private final DeviceSettings settings;

	DeviceAuthorizationResponseHandler(DeviceSettings settings) {
		this.settings = settings;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2DeviceAuthorizationRequestAuthenticationToken result = (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
		OAuth2DeviceCode deviceCode = result.getDeviceCode();
		OAuth2UserCode userCode = result.getUserCode();
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

}
