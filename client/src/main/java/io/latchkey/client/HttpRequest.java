package io.latchkey.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as the library and the caller hand it to a {@link HttpTransport}.
 *
 * @param method the method, upper case
 * @param uri the absolute target
 * @param headers header values by name
 * @param body the body, or {@code null} for none
 * @param replayable whether the body may be sent a second time; {@code false} for a body
 * produced from a stream or an action that must not run twice, so that a refused request
 * is never retried (a request without body is always replayable)
 */
public record HttpRequest(String method, URI uri, Map<String, List<String>> headers, byte @Nullable [] body,
		boolean replayable) {

	/** Methods that RFC 9110 section 9.2.2 defines as idempotent. */
	private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

	public HttpRequest {
		method = method.toUpperCase(Locale.ROOT);
		Map<String, List<String>> copy = new LinkedHashMap<>();
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		headers = Collections.unmodifiableMap(copy);
		replayable = replayable || body == null;
	}

	public static HttpRequest get(URI uri) {
		return new HttpRequest("GET", uri, Map.of(), null, true);
	}

	/** A request whose body may be sent again (it is held in memory). */
	public static HttpRequest withBody(String method, URI uri, String contentType, byte[] body) {
		return new HttpRequest(method, uri, Map.of("Content-Type", List.of(contentType)), body, true);
	}

	public static HttpRequest form(URI uri, String body) {
		return withBody("POST", uri, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
	}

	/** The same request with one header set (any former values of it replaced). */
	public HttpRequest withHeader(String name, String value) {
		Map<String, List<String>> changed = new LinkedHashMap<>();
		this.headers.forEach((existing, values) -> {
			if (!existing.equalsIgnoreCase(name)) {
				changed.put(existing, values);
			}
		});
		changed.put(name, List.of(value));
		return new HttpRequest(this.method, this.uri, changed, this.body, this.replayable);
	}

	/** The same request, marked as one whose body must not be sent twice. */
	public HttpRequest notReplayable() {
		return new HttpRequest(this.method, this.uri, this.headers, this.body, false);
	}

	public @Nullable String header(String name) {
		for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
				return header.getValue().get(0);
			}
		}
		return null;
	}

	/**
	 * Whether sending this request twice does no more than sending it once: an idempotent
	 * method, or a body the caller declared replayable.
	 */
	public boolean safeToRetry() {
		return IDEMPOTENT.contains(this.method) || this.replayable;
	}

	@Override
	public String toString() {
		// Headers are left out: they carry the credentials.
		return "HttpRequest[" + this.method + " " + this.uri + "]";
	}

}
