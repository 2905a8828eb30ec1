package io.latchkey.web;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import io.latchkey.shared.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on a request it refused before the application saw it (a request
 * line it cannot parse, an encoded slash, headers too large): the same three formats as
 * {@link ErrorResponsesController}, chosen by the same rules, instead of Tomcat's HTML
 * report.
 */
public class FormatAwareErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		if (status == null) {
			status = HttpStatus.BAD_REQUEST;
		}
		String path = pathOf(request);
		String body;
		if (ErrorFormat.wantsHtml(request, path)) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error · Latchkey</title>"
					+ "<link rel=\"stylesheet\" href=\"/css/latchkey.css\"></head><body><main class=\"card\">"
					+ "<h1>Something is not right</h1><p>" + ErrorFormat.sentenceFor(status) + "</p><p>Error "
					+ status.value() + "</p></main></body></html>";
		}
		else if (ErrorFormat.isProtocolEndpoint(path)) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			body = "{\"error\":\"" + ErrorFormat.oauthErrorFor(status, path) + "\",\"error_description\":\""
					+ ErrorFormat.sentenceFor(status) + "\"}";
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			String problemCode = ErrorFormat.problemCodeFor(status);
			body = "{\"type\":\"" + Problems.TYPE_BASE + problemCode + "\",\"title\":\"" + status.getReasonPhrase()
					+ "\",\"status\":" + status.value() + ",\"code\":\"" + problemCode + "\",\"detail\":\""
					+ ErrorFormat.sentenceFor(status) + "\"}";
		}
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		try {
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (Exception ex) {
			// The connection is gone; there is nobody left to tell.
		}
	}

	private static String pathOf(Request request) {
		try {
			String uri = request.getCoyoteRequest().requestURI().toString();
			return (uri != null) ? uri : "";
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

}
