package io.latchkey.authorization;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The library's answer to a failed client authentication (RFC 6749 §5.2: {@code 401} for
 * {@code invalid_client}, else {@code 400}, the error code only), plus {@code 429} with
 * {@code Retry-After} and a description when the attempt was over its budget.
 */
final class ClientAuthenticationFailureHandler implements AuthenticationFailureHandler {

	private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		SecurityContextHolder.clearContext();
		OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
		ServletServerHttpResponse http = new ServletServerHttpResponse(response);
		if (exception instanceof ClientAuthenticationThrottledException throttled) {
			http.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
			http.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.getRetryAfter().toSeconds()));
			this.errors.write(error, null, http);
			return;
		}
		http.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED
				: HttpStatus.BAD_REQUEST);
		this.errors.write(new OAuth2Error(error.getErrorCode()), null, http);
	}

}
