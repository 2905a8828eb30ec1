package io.latchkey.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 503} with {@code Retry-After} when the database cannot be reached, from
 * wherever in the request the failure surfaced (the protocol endpoints' filters
 * included), instead of a 500. The connection pool reconnects by itself once the database
 * is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(DatabaseOutageFilter.class);

	static final String RETRY_AFTER_SECONDS = "5";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!isDatabaseUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			logger.warn("Database unavailable while handling " + request.getMethod() + " "
					+ AccessLogFilter.loggable(request.getRequestURI()));
			writeUnavailable(request, response);
		}
	}

	static boolean isDatabaseUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || isConnectionFailure(cause)) {
				return true;
			}
		}
		return false;
	}

	/** SQLSTATE class 08 is "connection exception", whichever library wrapped it. */
	private static boolean isConnectionFailure(Throwable cause) {
		return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
	}

	private static void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setHeader("Cache-Control", "no-store");
		FilterErrorResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
				"service-unavailable", "Please try again shortly.");
	}

}
