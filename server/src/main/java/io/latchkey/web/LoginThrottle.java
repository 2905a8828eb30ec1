package io.latchkey.web;

import java.io.IOException;
import java.util.Locale;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.abuse.RateLimiter.Decision;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits failed sign-ins per account and per IP address. A sign-in over either limit is
 * answered {@code 429} with {@code Retry-After} and the login page, before the password
 * is even checked, so guessing gains nothing once the limit is reached.
 */
@Component
class LoginThrottle extends OncePerRequestFilter {

	static final String ACCOUNT = "login-account";

	static final String ADDRESS = "login-ip";

	static final String THROTTLED_ATTRIBUTE = "latchkey.loginThrottled";

	private final RateLimiter limiter;

	LoginThrottle(RateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = request.getParameter("username");
		Decision byAddress = this.limiter.check(ADDRESS, request.getRemoteAddr());
		Decision byAccount = (username != null) ? this.limiter.check(ACCOUNT, normalize(username)) : byAddress;
		Decision refusal = !byAddress.allowed() ? byAddress : (!byAccount.allowed() ? byAccount : null);
		if (refusal == null) {
			chain.doFilter(request, response);
			if (username != null && signedIn()) {
				// By the name as typed: a directory user's principal is named by a stable
				// id.
				this.limiter.reset(ACCOUNT, normalize(username));
			}
			return;
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(refusal.retryAfter().toSeconds()));
		request.setAttribute(THROTTLED_ATTRIBUTE, refusal.retryAfter());
		request.getRequestDispatcher("/login/throttled").forward(request, response);
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		// A directory or database outage is not a guess, and a client failing its own
		// authentication at the token endpoint is not a person signing in.
		if (event instanceof AuthenticationFailureServiceExceptionEvent
				|| !(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
			return;
		}
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			this.limiter.consume(ADDRESS, details.getRemoteAddress());
			this.limiter.consume(ACCOUNT, normalize(event.getAuthentication().getName()));
		}
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	private static String normalize(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

}
