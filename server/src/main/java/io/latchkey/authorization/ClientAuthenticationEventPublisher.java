package io.latchkey.authorization;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Spring Security's authentication events, plus failed client authentication at the OAuth
 * endpoints, which the default publisher drops because it has no event for an
 * {@link OAuth2AuthenticationException}.
 */
@Component
class ClientAuthenticationEventPublisher implements AuthenticationEventPublisher {

	private final DefaultAuthenticationEventPublisher delegate;

	private final ApplicationEventPublisher events;

	ClientAuthenticationEventPublisher(ApplicationEventPublisher events) {
		this.delegate = new DefaultAuthenticationEventPublisher(events);
		this.events = events;
	}

	@Override
	public void publishAuthenticationSuccess(Authentication authentication) {
		this.delegate.publishAuthenticationSuccess(authentication);
	}

	@Override
	public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
		if (exception instanceof ClientAuthenticationThrottledException) {
			// No secret was checked; the limiter has published the refusal.
			return;
		}
		if (exception instanceof OAuth2AuthenticationException
				&& authentication instanceof OAuth2ClientAuthenticationToken) {
			this.events.publishEvent(new AuthenticationFailureBadCredentialsEvent(authentication, exception));
			return;
		}
		this.delegate.publishAuthenticationFailure(exception, authentication);
	}

}
