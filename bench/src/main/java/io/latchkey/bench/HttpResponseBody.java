package io.latchkey.bench;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status and body of a response from an OAuth endpoint.
 *
 * @param status the HTTP status code
 * @param body the response body as text
 */
record HttpResponseBody(int status, String body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	boolean ok() {
		return this.status == 200;
	}

	/**
	 * The body as JSON, or a missing node when it is not JSON.
	 */
	JsonNode json() {
		try {
			return JSON.readTree(this.body);
		}
		catch (JacksonException ex) {
			return JSON.missingNode();
		}
	}

	/**
	 * The member's text value, or {@code null} when absent.
	 */
	String text(String member) {
		JsonNode value = json().path(member);
		return value.isString() ? value.stringValue() : null;
	}

	/**
	 * Describes a failed response by status and RFC 6749 error code only, never by its
	 * description, which a server might fill with request data.
	 */
	String describeError() {
		String error = text("error");
		return (error != null && error.matches("[A-Za-z0-9_.-]{1,64}")) ? this.status + " " + error
				: String.valueOf(this.status);
	}

}
