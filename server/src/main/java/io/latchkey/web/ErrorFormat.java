package io.latchkey.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;

/**
 * Which error format an address answers in, and the fixed words of each: one rule for the
 * error controller and for filters that answer before Spring MVC runs.
 */
final class ErrorFormat {

	private static final List<String> CLIENT_AUTHENTICATED_ENDPOINTS = List.of("/oauth2/token", "/oauth2/introspect",
			"/oauth2/revoke", "/oauth2/device_authorization");

	private ErrorFormat() {
	}

	static boolean isProtocolEndpoint(String path) {
		return path.startsWith("/oauth2/") || path.startsWith("/userinfo") || path.startsWith("/connect/");
	}

	static boolean isApi(String path) {
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
				|| path.startsWith("/v3/api-docs") || path.startsWith("/.well-known/");
	}

	/**
	 * A browser names HTML in its {@code Accept} header; a program that accepts anything
	 * gets the machine-readable format. Client-authenticated protocol endpoints and APIs
	 * are never for browsers.
	 */
	static boolean wantsHtml(HttpServletRequest request, String path) {
		if (CLIENT_AUTHENTICATED_ENDPOINTS.contains(path) || path.startsWith("/userinfo") || isApi(path)) {
			return false;
		}
		String accept = request.getHeader("Accept");
		if (!StringUtils.hasText(accept)) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static String oauthErrorFor(HttpStatus status, String path) {
		return switch (status.value()) {
			case 401 -> path.startsWith("/userinfo") ? "invalid_token" : "invalid_client";
			case 403 -> path.startsWith("/userinfo") ? "insufficient_scope" : "access_denied";
			case 429 -> "slow_down";
			case 503 -> "temporarily_unavailable";
			default -> status.is5xxServerError() ? "server_error" : "invalid_request";
		};
	}

	static String problemCodeFor(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "invalid-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "request-too-large";
			case 415 -> "unsupported-media-type";
			case 429 -> "rate-limited";
			case 503 -> "service-unavailable";
			default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
		};
	}

	/** Fixed sentences only: a container's message may echo the request back. */
	static String sentenceFor(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "The request is malformed.";
			case 401 -> "Authentication is required.";
			case 403 -> "This is not allowed.";
			case 404 -> "There is nothing at this address.";
			case 405 -> "This method is not allowed here.";
			case 413 -> "The request is too large.";
			case 415 -> "This content type is not supported here.";
			case 429 -> "Too many requests. Please wait and try again.";
			case 503 -> "The service is briefly unavailable. Please try again shortly.";
			default ->
				status.is5xxServerError() ? "Something went wrong on our side." : "The request could not be handled.";
		};
	}

}
