package io.latchkey.client.okhttp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.latchkey.client.InMemoryTokenStore;
import io.latchkey.client.OAuthClient;
import io.latchkey.client.Tokens;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interceptor on an OkHttp client, against a server whose access tokens rotate.
 */
class AuthorizingInterceptorTests {

	private HttpServer server;

	private final AtomicInteger refreshes = new AtomicInteger();

	private final List<String> resourceMethods = new java.util.concurrent.CopyOnWriteArrayList<>();

	private volatile String validToken = "access-new";

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		String issuer = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.server.createContext("/.well-known/openid-configuration",
				(exchange) -> answer(exchange, 200,
						"{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
								+ "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
								+ "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
								+ "\"id_token_signing_alg_values_supported\":[\"RS256\"]}",
						null));
		this.server.createContext("/token", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			this.refreshes.incrementAndGet();
			sleep();
			answer(exchange, 200,
					"{\"access_token\":\"" + this.validToken
							+ "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"refresh-new\"}",
					null);
		});
		this.server.createContext("/resource", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			this.resourceMethods.add(exchange.getRequestMethod());
			boolean valid = ("Bearer " + this.validToken)
				.equals(exchange.getRequestHeaders().getFirst("Authorization"));
			answer(exchange, valid ? 200 : 401, "{}", valid ? null : "Bearer error=\"invalid_token\"");
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void twentyParallelCallsThroughTheInterceptorRefreshOnce() throws Exception {
		OkHttpClient http = okHttp();
		ExecutorService threads = Executors.newFixedThreadPool(20);
		List<Future<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			calls.add(threads.submit(() -> {
				try (Response response = http.newCall(new Request.Builder().url(resource()).build()).execute()) {
					return response.code();
				}
			}));
		}
		for (Future<Integer> call : calls) {
			assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo(200);
		}
		threads.shutdown();

		assertThat(this.refreshes).hasValue(1);
	}

	@Test
	void aOneShotBodyIsNotSentTwice() throws Exception {
		RequestBody oneShot = new RequestBody() {

			@Override
			public MediaType contentType() {
				return MediaType.get("application/json");
			}

			@Override
			public void writeTo(BufferedSink sink) throws IOException {
				sink.writeString("{}", StandardCharsets.UTF_8);
			}

			@Override
			public boolean isOneShot() {
				return true;
			}

		};

		try (Response response = okHttp().newCall(new Request.Builder().url(resource()).post(oneShot).build())
			.execute()) {
			assertThat(response.code()).isEqualTo(401);
		}
		assertThat(this.resourceMethods).containsExactly("POST");
		assertThat(this.refreshes).hasValue(1);
	}

	private OkHttpClient okHttp() {
		String issuer = "http://127.0.0.1:" + this.server.getAddress().getPort();
		OAuthClient client = OAuthClient.builder(java.net.URI.create(issuer), "app", new OkHttpTransport()).build();
		InMemoryTokenStore store = new InMemoryTokenStore(
				new Tokens("access-old", "Bearer", "refresh-old", null, null, null, null));
		return new OkHttpClient.Builder().addInterceptor(new AuthorizingInterceptor(client.authorizedHttp(store)))
			.build();
	}

	private String resource() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/resource";
	}

	private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body, String challenge)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		if (challenge != null) {
			exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
		}
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static void sleep() {
		try {
			Thread.sleep(150);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
