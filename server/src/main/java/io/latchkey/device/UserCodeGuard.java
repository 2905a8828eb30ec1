package io.latchkey.device;

import java.time.Instant;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.abuse.RateLimiter.Decision;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Limits guessing of user codes (RFC 8628 §5.1) around the library's verification
 * provider: every entry counts against the person's session and address, and every miss
 * against one budget shared by all, sized to a code's lifetime, which bounds the chance
 * that anyone hits any live code while it lives.
 */
final class UserCodeGuard implements AuthenticationProvider {

	static final String SESSION = "user-code-session";

	static final String ADDRESS = "user-code-ip";

	static final String FAILURES = "user-code-failures";

	static final String EVERYONE = "all";

	private final AuthenticationProvider delegate;

	private final RateLimiter limiter;

	private final ApplicationEventPublisher events;

	UserCodeGuard(AuthenticationProvider delegate, RateLimiter limiter, ApplicationEventPublisher events) {
		this.delegate = delegate;
		this.limiter = limiter;
		this.events = events;
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
		Decision refused = firstRefused(this.limiter.consume(SESSION, session), this.limiter.consume(ADDRESS, address),
				this.limiter.check(FAILURES, EVERYONE));
		if (refused != null) {
			this.events.publishEvent(new UserCodeRejected(principal.getName(), address, true, Instant.now()));
			throw new UserCodeThrottledException(refused.retryAfter());
		}
		try {
			return this.delegate.authenticate(authentication);
		}
		catch (OAuth2AuthenticationException ex) {
			if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
				this.limiter.consume(FAILURES, EVERYONE);
				this.events.publishEvent(new UserCodeRejected(principal.getName(), address, false, Instant.now()));
			}
			throw ex;
		}
	}

	private static @Nullable Decision firstRefused(Decision... decisions) {
		for (Decision decision : decisions) {
			if (!decision.allowed()) {
				return decision;
			}
		}
		return null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
