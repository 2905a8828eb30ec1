package io.latchkey.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies above {@link WebSettings#maxRequestBody()} (or
 * {@link WebSettings#maxLargeRequestBody()} at the paths that take more) before anything
 * parses them: by {@code Content-Length} when there is one, else by reading at most one
 * byte past the limit. OAuth endpoints get an RFC 6749 error, the rest a problem detail.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long defaultLimit;

	private final long largeLimit;

	private final List<PathPattern> largeBodyPaths;

	RequestBodyLimitFilter(WebSettings settings) {
		this.defaultLimit = settings.maxRequestBody().toBytes();
		this.largeLimit = settings.maxLargeRequestBody().toBytes();
		this.largeBodyPaths = settings.largeRequestBodyPaths()
			.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
	}

	private long limitFor(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		return this.largeBodyPaths.stream().anyMatch((pattern) -> pattern.matches(path)) ? this.largeLimit
				: this.defaultLimit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request);
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			reject(request, response, limit);
			return;
		}
		if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
			byte[] body = request.getInputStream().readNBytes((int) limit + 1);
			if (body.length > limit) {
				reject(request, response, limit);
				return;
			}
			chain.doFilter(new BufferedBodyRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		response.setHeader("Connection", "close");
		FilterErrorResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "invalid_request",
				"request-too-large", "The request body is larger than " + limit + " bytes.");
	}

	/**
	 * A request whose body was already read into memory.
	 */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Synchronous reads only");
				}

			};
		}

	}

}
