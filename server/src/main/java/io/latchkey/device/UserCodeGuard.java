package io.latchkey.device;

import java.time.Clock;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.abuse.RateLimiter.Decision;
import io.latchkey.shared.ClientAddress;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Limits guessing of user codes (RFC 8628 §5.1) around the library's verification
 * provider: every entry counts against the person's session and address (IPv6 by /64),
 * and every miss against one budget shared by all, sized to a code's lifetime, which
 * bounds the chance that anyone hits any live code while it lives. A code has about 35
 * bits, so unlike an invitation secret a right code is refused too once the shared budget
 * is spent. No bucket is keyed by the code typed, so guesses create no rows.
 */
final class UserCodeGuard implements AuthenticationProvider {

	static final String SESSION = "user-code-session";

	static final String ADDRESS = "user-code-ip";

	static final String FAILURES = "user-code-failures";

	static final String EVERYONE = "all";

	private final AuthenticationProvider delegate;

	private final RateLimiter limiter;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserCodeGuard(AuthenticationProvider delegate, RateLimiter limiter, ApplicationEventPublisher events, Clock clock) {
		this.delegate = delegate;
		this.limiter = limiter;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Authentication principal = (Authentication) authentication.getPrincipal();
		String address = "unknown";
		String session = principal.getName();
		if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			address = details.getRemoteAddress();
			session = (details.getSessionId() != null) ? details.getSessionId() : session;
		}
		// Every budget is taken before the code is looked up, so parallel guesses get
		// exactly the budget; a right code gives back its share of the global one.
		refuseUnless(this.limiter.consume(SESSION, session), principal, address);
		refuseUnless(this.limiter.consume(ADDRESS, ClientAddress.limitKey(address)), principal, address);
		refuseUnless(this.limiter.consume(FAILURES, EVERYONE), principal, address);
		try {
			Authentication result = this.delegate.authenticate(authentication);
			this.limiter.refund(FAILURES, EVERYONE);
			return result;
		}
		catch (OAuth2AuthenticationException ex) {
			if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
				this.events
					.publishEvent(new UserCodeRejected(principal.getName(), address, false, this.clock.instant()));
			}
			else {
				this.limiter.refund(FAILURES, EVERYONE);
			}
			throw ex;
		}
	}

	private void refuseUnless(Decision decision, Authentication principal, String address) {
		if (!decision.allowed()) {
			this.events.publishEvent(new UserCodeRejected(principal.getName(), address, true, this.clock.instant()));
			throw new UserCodeThrottledException(decision.retryAfter());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
