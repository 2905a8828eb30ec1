package io.latchkey.authorization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request to a client-authenticated endpoint that carried no client credentials
 * at all with RFC 6749 §5.2 {@code invalid_client}, as it would answer wrong ones.
 */
final class InvalidClientEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader("WWW-Authenticate", "Basic realm=\"latchkey\"");
		response.setHeader("Cache-Control", "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream()
			.write("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication is required.\"}"
				.getBytes(StandardCharsets.UTF_8));
	}

}
