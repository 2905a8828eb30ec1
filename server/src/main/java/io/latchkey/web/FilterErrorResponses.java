package io.latchkey.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.latchkey.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Error bodies for filters that answer before Spring MVC runs: an RFC 6749 error at the
 * OAuth protocol endpoints, an RFC 9457 problem detail everywhere else. The texts passed
 * in are fixed sentences, never request input.
 */
final class FilterErrorResponses {

	private FilterErrorResponses() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String oauthError,
			String problemCode, String detail) throws IOException {
		if (ErrorFormat.wantsHtml(request, request.getRequestURI())) {
			response.sendError(status.value());
			return;
		}
		response.setStatus(status.value());
		String body;
		if (ErrorFormat.isProtocolEndpoint(request.getRequestURI())) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			body = "{\"error\":\"" + oauthError + "\",\"error_description\":\"" + detail + "\"}";
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			body = "{\"type\":\"" + Problems.TYPE_BASE + problemCode + "\",\"title\":\"" + status.getReasonPhrase()
					+ "\",\"status\":" + status.value() + ",\"code\":\"" + problemCode + "\",\"detail\":\"" + detail
					+ "\"}";
		}
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

}
