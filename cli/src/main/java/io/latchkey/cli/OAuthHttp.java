package io.latchkey.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form posts to a server's OAuth endpoints (the library's default paths under the issuer)
 * as a public client, answering the JSON body and status.
 */
final class OAuthHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String issuer;

	OAuthHttp(String issuer) {
		this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

	String issuer() {
		return this.issuer;
	}

	Answer post(String path, Map<String, String> form) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.issuer + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			JsonNode json = (body == null || body.isBlank()) ? JSON.createObjectNode() : parse(body);
			return new Answer(response.statusCode(), json);
		}
		catch (IOException ex) {
			throw new CliException("cannot reach " + this.issuer + ": " + ex.getClass().getSimpleName(),
					Latchkey.FAILED);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("interrupted", Latchkey.FAILED);
		}
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return JSON.createObjectNode();
		}
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * A server's answer.
	 *
	 * @param status the HTTP status
	 * @param json the body, empty when it was not JSON
	 */
	record Answer(int status, JsonNode json) {

		String text(String name) {
			JsonNode value = this.json.get(name);
			return (value != null && !value.isNull()) ? value.asString() : null;
		}

		long number(String name, long fallback) {
			JsonNode value = this.json.get(name);
			return (value != null && value.isNumber()) ? value.asLong() : fallback;
		}

		/** The OAuth error code only; descriptions may echo input and are not shown. */
		String error() {
			String error = text("error");
			return (error != null) ? error : "HTTP " + this.status;
		}

	}

}
