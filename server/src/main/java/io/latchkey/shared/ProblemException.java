package io.latchkey.shared;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A failure that Latchkey's APIs answer with an RFC 9457 problem detail: its status, its
 * stable {@code code} (and so its {@code type}), and a message that is safe to show,
 * since it becomes the {@code detail} as it is. Features name their failures by extending
 * it; one advice in {@code web} writes the answer.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatusCode status;

	private final String code;

	private final HttpHeaders headers = new HttpHeaders();

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private @Nullable URI instance;

	public ProblemException(HttpStatusCode status, String code, String detail) {
		this(status, code, detail, true);
	}

	/**
	 * For failures that are answers rather than faults, where a stack trace costs time
	 * and tells nothing.
	 */
	protected ProblemException(HttpStatusCode status, String code, String detail, boolean withStackTrace) {
		super(detail, null, false, withStackTrace);
		this.status = status;
		this.code = code;
	}

	public HttpStatusCode status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	/** Headers the answer carries, such as {@code Retry-After}. */
	public HttpHeaders headers() {
		return HttpHeaders.readOnlyHttpHeaders(this.headers);
	}

	/** Extra members of the problem detail beside {@code code}. */
	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = Problems.of(this.status, this.code, getMessage());
		this.properties.forEach(problem::setProperty);
		if (this.instance != null) {
			problem.setInstance(this.instance);
		}
		return problem;
	}

	protected final void addHeader(String name, String value) {
		this.headers.add(name, value);
	}

	protected final void addProperty(String name, Object value) {
		this.properties.put(name, value);
	}

	/**
	 * Answers with this {@code instance} instead of the request's path, for paths that
	 * hold a secret.
	 */
	protected final void setInstance(URI instance) {
		this.instance = instance;
	}

}
