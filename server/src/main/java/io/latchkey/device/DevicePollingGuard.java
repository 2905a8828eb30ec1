package io.latchkey.device;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.shared.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationToken;

/**
 * Answers a device that polls faster than its {@code interval} with {@code slow_down}
 * (RFC 8628 §3.5), counted per device code in the limit {@value #PURPOSE} (one request
 * per interval), so the rule holds across nodes; otherwise the library's provider
 * answers.
 */
final class DevicePollingGuard implements AuthenticationProvider {

	static final String PURPOSE = "device-poll";

	static final String SLOW_DOWN = "slow_down";

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc8628#section-3.5";

	private static final OAuth2TokenType DEVICE_CODE = new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE);

	private final AuthenticationProvider delegate;

	private final RateLimiter limiter;

	private final OAuth2AuthorizationService authorizations;

	DevicePollingGuard(AuthenticationProvider delegate, RateLimiter limiter,
			OAuth2AuthorizationService authorizations) {
		this.delegate = delegate;
		this.limiter = limiter;
		this.authorizations = authorizations;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		OAuth2DeviceCodeAuthenticationToken request = (OAuth2DeviceCodeAuthenticationToken) authentication;
		// Only codes that exist get a bucket, so made-up ones cannot fill the table.
		if (this.authorizations.findByToken(request.getDeviceCode(), DEVICE_CODE) != null
				&& !this.limiter.consume(PURPOSE, Secrets.sha256Hex(request.getDeviceCode())).allowed()) {
			throw new OAuth2AuthenticationException(new OAuth2Error(SLOW_DOWN, null, ERROR_URI));
		}
		return this.delegate.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
