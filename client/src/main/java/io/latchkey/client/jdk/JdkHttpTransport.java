package io.latchkey.client.jdk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.latchkey.client.HttpRequest;
import io.latchkey.client.HttpResponse;
import io.latchkey.client.HttpTransport;

/**
 * The transport on the JVM: {@code java.net.http}, redirects not followed.
 */
public final class JdkHttpTransport implements HttpTransport {

	/** Headers {@code java.net.http} sets itself and refuses from callers. */
	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

	private final HttpClient client;

	public JdkHttpTransport() {
		this(HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build());
	}

	public JdkHttpTransport(HttpClient client) {
		this.client = client;
	}

	@Override
	public HttpResponse send(HttpRequest request) throws IOException {
		java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(request.uri())
			.timeout(Duration.ofSeconds(30))
			.method(request.method(),
					(request.body() != null) ? BodyPublishers.ofByteArray(request.body()) : BodyPublishers.noBody());
		for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
			if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
				header.getValue().forEach((value) -> builder.header(header.getKey(), value));
			}
		}
		try {
			java.net.http.HttpResponse<byte[]> response = this.client.send(builder.build(), BodyHandlers.ofByteArray());
			return new HttpResponse(response.statusCode(), response.headers().map(), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while waiting for " + request.uri().getHost());
		}
	}

}
