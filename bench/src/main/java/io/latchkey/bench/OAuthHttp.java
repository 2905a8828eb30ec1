package io.latchkey.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The back-channel calls a client makes: token, introspection and key-set requests over
 * one shared, connection-pooling HTTP client.
 */
final class OAuthHttp {

	private final HttpClient client;

	private final Duration timeout;

	OAuthHttp(Duration timeout) {
		this.timeout = timeout;
		// HTTP/1.1 keeps the JDK client from offering an h2c upgrade on every
		// new connection.
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
	}

	HttpResponseBody get(URI uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		return send(request);
	}

	HttpResponseBody post(URI uri, Map<String, String> parameters, ClientCredentials credentials)
			throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>(parameters);
		credentials.addTo(form);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
		String authorization = credentials.authorizationHeader();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	private HttpResponseBody send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		return new HttpResponseBody(response.statusCode(), response.body());
	}

	static String formEncode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
