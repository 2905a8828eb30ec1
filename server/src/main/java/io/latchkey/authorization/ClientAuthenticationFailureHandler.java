package io.latchkey.authorization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
 * Answers failed client authentication as RFC 6749 §5.2 says: {@code invalid_client} with
 * {@code 401} and a {@code WWW-Authenticate} challenge when the client tried the
 * {@code Authorization} header, also when that header cannot even be read; other errors
 * with {@code 400}. Only the error code goes out, as in the library's own handler, except
 * for an attempt over its budget: {@code 429} with {@code Retry-After} and a description.
 */
final class ClientAuthenticationFailureHandler implements AuthenticationFailureHandler {

	private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		SecurityContextHolder.clearContext();
		ServletServerHttpResponse httpResponse = new ServletServerHttpResponse(response);
		httpResponse.getHeaders().setCacheControl("no-store");
		if (exception instanceof ClientAuthenticationThrottledException throttled) {
			httpResponse.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
			httpResponse.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.getRetryAfter().toSeconds()));
			this.errors.write(throttled.getError(), null, httpResponse);
			return;
		}
		String code = (exception instanceof OAuth2AuthenticationException failure) ? failure.getError().getErrorCode()
				: OAuth2ErrorCodes.INVALID_CLIENT;
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && !isReadableBasic(authorization)) {
			code = OAuth2ErrorCodes.INVALID_CLIENT;
		}
		if (OAuth2ErrorCodes.INVALID_CLIENT.equals(code)) {
			httpResponse.setStatusCode(HttpStatus.UNAUTHORIZED);
			httpResponse.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"latchkey\"");
		}
		else {
			httpResponse.setStatusCode(HttpStatus.BAD_REQUEST);
		}
		this.errors.write(new OAuth2Error(code), null, httpResponse);
	}

	private static boolean isReadableBasic(String authorization) {
		if (authorization.length() < 7 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			return decoded.indexOf(':') > 0;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
