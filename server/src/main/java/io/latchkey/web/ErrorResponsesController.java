package io.latchkey.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.latchkey.shared.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container or a filter sends with {@code sendError} lands here, and is
 * answered in the format of the address it happened at: RFC 6749 JSON at the protocol
 * endpoints, an HTML page for a browser asking for HTML, and RFC 9457 problem details
 * otherwise. It replaces Spring Boot's default error body, which tells too much and fits
 * no client.
 */
@Controller
class ErrorResponsesController implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = statusOf(request);
		String path = originalPath(request);
		if (ErrorFormat.wantsHtml(request, path)) {
			model.addAttribute("status", status.value());
			model.addAttribute("message", ErrorFormat.sentenceFor(status));
			ModelAndView page = new ModelAndView("error-page", model.asMap());
			page.setStatus(status);
			return page;
		}
		if (ErrorFormat.isProtocolEndpoint(path)) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error", ErrorFormat.oauthErrorFor(status, path));
			body.put("error_description", ErrorFormat.sentenceFor(status));
			return ResponseEntity.status(status)
				.header("Cache-Control", "no-store")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body);
		}
		ProblemDetail problem = Problems.of(status, ErrorFormat.problemCodeFor(status),
				ErrorFormat.sentenceFor(status));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// Asked for directly: there is no error page to show.
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String originalPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return (uri instanceof String path) ? path : request.getRequestURI();
	}

}
