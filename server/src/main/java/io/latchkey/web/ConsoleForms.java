package io.latchkey.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * How the console's forms behave, whichever feature serves them: an empty field means the
 * value is absent, and a refused form returns to its section with the refusal's message
 * (a {@code ProblemException}'s message is safe to show) rather than to an error page.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleForms {

	static final String ERROR = "error";

	private static final Pattern SECTION = Pattern.compile("^/console/([a-z-]{1,40})(/.*)?$");

	@InitBinder
	void emptyFieldsAreAbsent(WebDataBinder binder, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && section(servlet.getRequest()) != null) {
			binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
		}
	}

	/**
	 * A redirect to the section's page carrying the message, for a form posted in the
	 * console; {@code null} for any other request.
	 */
	static @Nullable ResponseEntity<Object> backToForm(WebRequest request, @Nullable String message) {
		if (!(request instanceof ServletWebRequest servlet) || servlet.getResponse() == null
				|| !"POST".equals(servlet.getRequest().getMethod())) {
			return null;
		}
		String section = section(servlet.getRequest());
		if (section == null) {
			return null;
		}
		String location = servlet.getRequest().getContextPath() + "/console/" + section;
		RequestContextUtils.getOutputFlashMap(servlet.getRequest())
			.put(ERROR, (message != null) ? message : "The form could not be handled.");
		RequestContextUtils.saveOutputFlashMap(location, servlet.getRequest(), servlet.getResponse());
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", location).build();
	}

	private static @Nullable String section(HttpServletRequest request) {
		Matcher matcher = SECTION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		return matcher.matches() ? matcher.group(1) : null;
	}

}
