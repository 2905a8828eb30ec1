package io.latchkey.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * How a client authenticates at the token and introspection endpoints.
 *
 * @param clientId the client identifier
 * @param clientSecret the secret, or {@code null} for a public client
 * @param method how the secret is sent
 */
record ClientCredentials(String clientId, String clientSecret, AuthMethod method) {

	static ClientCredentials publicClient(String clientId) {
		return new ClientCredentials(clientId, null, AuthMethod.NONE);
	}

	/**
	 * The {@code Authorization} header value, or {@code null} when credentials go in the
	 * form.
	 */
	String authorizationHeader() {
		if (this.method != AuthMethod.BASIC) {
			return null;
		}
		// RFC 6749 §2.3.1: both parts are form-encoded before they are joined.
		String pair = encode(this.clientId) + ":" + encode(this.clientSecret);
		return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Adds the credentials that belong in the form body.
	 */
	void addTo(Map<String, String> form) {
		if (this.method == AuthMethod.BASIC) {
			return;
		}
		form.put("client_id", this.clientId);
		if (this.method == AuthMethod.POST) {
			form.put("client_secret", this.clientSecret);
		}
	}

	@Override
	public String toString() {
		return "ClientCredentials[clientId=" + this.clientId + ", method=" + this.method + "]";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Client authentication methods the harness can use. */
	enum AuthMethod {

		/** {@code client_secret_basic}. */
		BASIC,

		/** {@code client_secret_post}. */
		POST,

		/** A public client sending only its {@code client_id}. */
		NONE;

		static AuthMethod parse(String value) {
			return switch (value.toLowerCase()) {
				case "basic", "client_secret_basic" -> BASIC;
				case "post", "client_secret_post" -> POST;
				case "none" -> NONE;
				default -> throw new IllegalArgumentException("Unknown client authentication method: " + value);
			};
		}

	}

}
