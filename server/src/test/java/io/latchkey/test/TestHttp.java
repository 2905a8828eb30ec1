package io.latchkey.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for end-to-end tests: real requests, no redirects followed, an
 * optional cookie jar (a browser session), JSON parsed with Jackson.
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	/** The nodes requests take turns on; only {@link #base} unless round robin. */
	private final List<String> nodes;

	private final AtomicInteger turn = new AtomicInteger();

	private final HttpClient client;

	private final boolean browser;

	public TestHttp(String base) {
		this(base, false);
	}

	/**
	 * A client over TLS with the given context: its trust and, for mutual TLS, its key.
	 */
	public TestHttp(String base, SSLContext tls) {
		this.base = base;
		this.nodes = List.of(base);
		this.browser = false;
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.sslContext(tls)
			.build();
	}

	private TestHttp(String base, boolean cookies) {
		this(List.of(base), cookies);
	}

	private TestHttp(List<String> nodes, boolean cookies) {
		this.base = nodes.get(0);
		this.nodes = nodes;
		this.browser = cookies;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5));
		if (cookies) {
			builder.cookieHandler(new CookieManager());
		}
		this.client = builder.build();
	}

	/**
	 * A client that sends each request to the next of these nodes in turn, as a load
	 * balancer without sticky sessions would; links to any of them count as relative.
	 */
	public static TestHttp roundRobin(TestHttp... nodes) {
		return new TestHttp(Arrays.stream(nodes).map(TestHttp::base).toList(), false);
	}

	/** A client with its own cookie jar that asks for HTML, like one browser. */
	public TestHttp withCookies() {
		return new TestHttp(this.nodes, true);
	}

	public String base() {
		return this.base;
	}

	public Response get(String path, String... headers) {
		return send(request(path, headers).GET().build());
	}

	public Response postForm(String path, Map<String, String> form, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))
			.build());
	}

	public Response postJson(String path, Object body, String... headers) {
		String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Response patchJson(String path, Object body, String... headers) {
		String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
		return send(request(path, headers).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Response post(String path, String contentType, String body, String... headers) {
		HttpRequest.Builder builder = request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder.build());
	}

	public Response delete(String path, String... headers) {
		return send(request(path, headers).DELETE().build());
	}

	public Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(address(path))).timeout(Duration.ofSeconds(30));
		boolean accept = false;
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
			accept |= "Accept".equalsIgnoreCase(headers[i]);
		}
		if (this.browser && !accept) {
			builder.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		}
		return builder;
	}

	private String address(String path) {
		if (this.nodes.size() == 1) {
			return path.startsWith("http") ? path : this.base + path;
		}
		String relative = path;
		for (String node : this.nodes) {
			if (path.startsWith(node)) {
				relative = path.substring(node.length());
			}
		}
		if (relative.startsWith("http")) {
			return relative;
		}
		return this.nodes.get(Math.floorMod(this.turn.getAndIncrement(), this.nodes.size())) + relative;
	}

	public String clientCredentialsToken(String clientId, String secret, String scope) {
		Response response = postForm("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", scope),
				"Authorization", basic(clientId, secret));
		if (response.status() != 200) {
			throw new IllegalStateException("client_credentials failed: " + response.status() + " " + response.body());
		}
		return response.json().get("access_token").asString();
	}

	public static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public static String form(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	public static Map<String, String> params(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A response with its body read as text.
	 */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return status() + " " + body();
		}

	}

}
