package io.latchkey.web;

import java.io.IOException;

import io.latchkey.identity.SignInThrottledException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A refused sign-in goes back to the login page; one over its budget of attempts gets
 * {@code 429} with {@code Retry-After}; one that could not be checked at all (the
 * directory or database is away) gets {@code 503} and says so, because telling the person
 * their password is wrong would be untrue.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	static final String THROTTLED_ATTRIBUTE = "latchkey.loginThrottled";

	private final AuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler("/login?error");

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof SignInThrottledException throttled) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(throttled.getRetryAfter().toSeconds()));
			request.setAttribute(THROTTLED_ATTRIBUTE, throttled.getRetryAfter());
			request.getRequestDispatcher("/login/throttled").forward(request, response);
			return;
		}
		if (!(exception instanceof AuthenticationServiceException)) {
			this.refused.onAuthenticationFailure(request, response, exception);
			return;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", DatabaseOutageFilter.RETRY_AFTER_SECONDS);
		request.getRequestDispatcher("/login/unavailable").forward(request, response);
	}

}
