package io.latchkey.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.latchkey.client.jdk.JdkHttpTransport;
import io.latchkey.client.okhttp.OkHttpTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both adapters carry method, headers and body each way, and follow no redirect.
 */
class HttpTransportTests {

	private static HttpServer server;

	@BeforeAll
	static void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/echo", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("X-Method", exchange.getRequestMethod());
			exchange.getResponseHeaders()
				.add("X-Seen", String.valueOf(exchange.getRequestHeaders().getFirst("X-Test")));
			exchange.getResponseHeaders().add("DPoP-Nonce", "n1");
			exchange.sendResponseHeaders(201, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/echo");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	static Stream<HttpTransport> transports() {
		return Stream.of(new JdkHttpTransport(), new OkHttpTransport());
	}

	@ParameterizedTest
	@MethodSource("transports")
	void carriesMethodHeadersAndBody(HttpTransport transport) throws IOException {
		HttpRequest request = new HttpRequest("PUT", uri("/echo"),
				Map.of("X-Test", List.of("yes"), "Content-Type", List.of("text/plain")),
				"hello".getBytes(StandardCharsets.UTF_8), true);

		HttpResponse response = transport.send(request);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("x-method")).isEqualTo("PUT");
		assertThat(response.header("X-Seen")).isEqualTo("yes");
		assertThat(response.header("dpop-nonce")).isEqualTo("n1");
		assertThat(response.bodyText()).isEqualTo("hello");
	}

	@ParameterizedTest
	@MethodSource("transports")
	void followsNoRedirect(HttpTransport transport) throws IOException {
		HttpResponse response = transport.send(HttpRequest.get(uri("/moved")));

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).isEqualTo("/echo");
	}

	@ParameterizedTest
	@MethodSource("transports")
	void sendsAPostWithoutBody(HttpTransport transport) throws IOException {
		HttpResponse response = transport.send(new HttpRequest("POST", uri("/echo"), Map.of(), null, true));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.body()).isEmpty();
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

}
