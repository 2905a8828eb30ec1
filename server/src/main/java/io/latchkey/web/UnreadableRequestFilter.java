package io.latchkey.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests nothing can read before anything tries: a query string or form body
 * the container cannot decode (bad percent-encoding, an unknown charset) gets
 * {@code 400}, a {@code Content-Type} that names no type {@code 415}. Otherwise each
 * would surface as an unexpected exception wherever a parameter or header is first read;
 * this way the refusal takes the error path of its address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class UnreadableRequestFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isReadableContentType(request.getContentType())) {
			response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
			return;
		}
		try {
			request.getParameterMap();
		}
		catch (RuntimeException ex) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isReadableContentType(String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
