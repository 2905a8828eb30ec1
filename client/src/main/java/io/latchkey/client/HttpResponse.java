package io.latchkey.client;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A whole HTTP answer.
 *
 * @param status the status code
 * @param headers header values by name (names as the adapter received them)
 * @param body the body, empty when there was none
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

	public HttpResponse {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		headers = Collections.unmodifiableMap(copy);
	}

	/** The first value of a header, matched without regard to case. */
	public @Nullable String header(String name) {
		for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
			if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
				return header.getValue().get(0);
			}
		}
		return null;
	}

	/** All values of a header, matched without regard to case. */
	public List<String> headers(String name) {
		for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
			if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
				return header.getValue();
			}
		}
		return List.of();
	}

	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "HttpResponse[" + this.status + "]";
	}

}
