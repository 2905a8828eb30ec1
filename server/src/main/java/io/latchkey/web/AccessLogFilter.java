package io.latchkey.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request: method, path without its query string (where codes and
 * secrets travel), status, duration and, when known, the client id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog("latchkey.access");

	private static final Pattern SECRET_SEGMENT = Pattern.compile("^(/l/|/api/data-links/)[^/]+");

	static final String CLIENT_ID_ATTRIBUTE = AccessLogFilter.class.getName() + ".clientId";

	/**
	 * The path as it may be logged: a data link's id is its secret, so it is replaced by
	 * {@code {id}}.
	 */
	static String loggable(String path) {
		return SECRET_SEGMENT.matcher(path).replaceFirst("$1{id}");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (logger.isInfoEnabled()) {
				long millis = (System.nanoTime() - started) / 1_000_000;
				String client = (String) request.getAttribute(CLIENT_ID_ATTRIBUTE);
				logger.info(request.getMethod() + " " + loggable(request.getRequestURI()) + " " + response.getStatus()
						+ " " + millis + "ms" + ((client != null) ? " client=" + client : ""));
			}
		}
	}

}
