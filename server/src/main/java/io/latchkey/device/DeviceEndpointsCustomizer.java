package io.latchkey.device;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.authorization.ProtocolEndpointsCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceVerificationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.stereotype.Component;

/**
 * Plugs the device flow's rules into the library's device endpoints: Latchkey's user
 * codes, the {@code interval}, {@code slow_down}, public device clients, guessing limits,
 * and a confirmation page that every approval passes through.
 */
@Component
class DeviceEndpointsCustomizer implements ProtocolEndpointsCustomizer {

	/**
	 * The deny button's parameter; the library knows denial only as "no scope granted".
	 */
	static final String DENY_PARAMETER = "deny";

	private final RateLimiter limiter;

	private final ApplicationEventPublisher events;

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationService authorizations;

	private final DeviceSettings settings;

	private final ObjectProvider<OAuth2TokenGenerator<?>> tokens;

	private final Clock clock;

	DeviceEndpointsCustomizer(RateLimiter limiter, ApplicationEventPublisher events, RegisteredClientRepository clients,
			OAuth2AuthorizationService authorizations, DeviceSettings settings,
			ObjectProvider<OAuth2TokenGenerator<?>> tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
		this.limiter = limiter;
		this.events = events;
		this.clients = clients;
		this.authorizations = authorizations;
		this.settings = settings;
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		DeviceVerificationResultHandler results = new DeviceVerificationResultHandler(this.events, this.clock);
		server
			.deviceAuthorizationEndpoint((endpoint) -> endpoint
				.authenticationProviders((providers) -> providers.replaceAll(this::deviceAuthorizationProvider))
				.deviceAuthorizationResponseHandler(new DeviceAuthorizationResponseHandler(this.settings)))
			.deviceVerificationEndpoint((endpoint) -> endpoint.consentPage(DevicePagesController.CONFIRM)
				.authenticationProviders(this::verificationProviders)
				.deviceVerificationResponseHandler(results)
				.errorResponseHandler(results))
			.clientAuthentication((authentication) -> authentication
				.authenticationConverter(new PublicDeviceClientAuthenticationConverter(this.clients))
				.authenticationProvider(new PublicDeviceClientAuthenticationProvider(this.clients)));
	}

	@Override
	public AuthenticationProvider tokenEndpointProvider(AuthenticationProvider provider) {
		return (provider instanceof OAuth2DeviceCodeAuthenticationProvider) ? new DevicePollingGuard(
				new DeviceIdTokenIssuer(provider, this.authorizations, this.tokens.getObject()), this.limiter,
				this.authorizations) : provider;
	}

	private AuthenticationProvider deviceAuthorizationProvider(AuthenticationProvider provider) {
		if (provider instanceof OAuth2DeviceAuthorizationRequestAuthenticationProvider) {
			OAuth2DeviceAuthorizationRequestAuthenticationProvider request = new OAuth2DeviceAuthorizationRequestAuthenticationProvider(
					new NewDeviceAuthorizations(this.authorizations));
			request.setUserCodeGenerator(new UserCodes(this.clock));
			return new OpenIdDeviceAuthorizationProvider(request);
		}
		return provider;
	}

	private void verificationProviders(List<AuthenticationProvider> providers) {
		providers.replaceAll((provider) -> {
			if (provider instanceof OAuth2DeviceVerificationAuthenticationProvider verification) {
				// RFC 8628 §5.4: a link carrying the code must never approve by
				// itself, even when the person consented to the same client before.
				verification.setAuthorizationConsentRequired((context) -> true);
				return new UserCodeGuard(verification, this.limiter, this.events, this.clock);
			}
			if (provider instanceof OAuth2DeviceAuthorizationConsentAuthenticationProvider consent) {
				consent.setAuthorizationConsentCustomizer(DeviceEndpointsCustomizer::denyWhenAsked);
			}
			return provider;
		});
	}

	/**
	 * Without this, denying would grant the scopes the person allowed this client before,
	 * which the library adds to whatever the form posts.
	 */
	private static void denyWhenAsked(OAuth2AuthorizationConsentAuthenticationContext context) {
		OAuth2DeviceAuthorizationConsentAuthenticationToken request = context.getAuthentication();
		if (request.getAdditionalParameters().containsKey(DENY_PARAMETER)) {
			context.getAuthorizationConsent().authorities(Collection::clear);
		}
	}

}
