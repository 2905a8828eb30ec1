package io.latchkey.device;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceVerificationAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Turns the outcome of the verification endpoint into pages: approval and denial are
 * published and shown; an unknown or expired code, or one refused by a guessing limit,
 * brings the person back to the entry form with one message that tells nothing about
 * which codes exist.
 */
final class DeviceVerificationResultHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(DeviceVerificationResultHandler.class);

	static final String MESSAGE_ATTRIBUTE = DeviceVerificationResultHandler.class.getName() + ".message";

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DeviceVerificationResultHandler(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2DeviceVerificationAuthenticationToken result = (OAuth2DeviceVerificationAuthenticationToken) authentication;
		String[] scopes = request.getParameterValues(OAuth2ParameterNames.SCOPE);
		Set<String> approved = (scopes != null) ? Arrays.stream(scopes).collect(Collectors.toSet()) : Set.of();
		this.events.publishEvent(new DeviceCodeApproved(String.valueOf(result.getClientId()), principal(), approved,
				request.getRemoteAddr(), this.clock.instant()));
		response.sendRedirect(request.getContextPath() + DevicePagesController.APPROVED);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof UserCodeThrottledException throttled) {
			long seconds = throttled.getRetryAfter().toSeconds();
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(seconds));
			long minutes = Math.max(1, (seconds + 59) / 60);
			showForm(request, response, "Too many attempts. Please wait " + minutes
					+ ((minutes == 1) ? " minute" : " minutes") + " and try again.");
			return;
		}
		String error = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: OAuth2ErrorCodes.INVALID_REQUEST;
		if (OAuth2ErrorCodes.ACCESS_DENIED.equals(error)) {
			String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
			this.events.publishEvent(new DeviceCodeDenied((clientId != null) ? clientId : "unknown", principal(),
					request.getRemoteAddr(), this.clock.instant()));
			response.sendRedirect(request.getContextPath() + DevicePagesController.DENIED);
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Device verification refused: " + error + " "
					+ ((exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getDescription()
							: ""));
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		showForm(request, response,
				"That code is not valid or has expired. Check the code your device shows and try again.");
	}

	private static void showForm(HttpServletRequest request, HttpServletResponse response, String message)
			throws IOException, ServletException {
		request.setAttribute(MESSAGE_ATTRIBUTE, message);
		request.getRequestDispatcher(DevicePagesController.RETRY).forward(request, response);
	}

	private static String principal() {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return (current != null) ? current.getName() : "anonymous";
	}

}
