package io.latchkey.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.latchkey.client.HttpRequest;
import io.latchkey.client.HttpResponse;
import io.latchkey.client.HttpTransport;
import io.latchkey.client.OAuthClient;
import io.latchkey.client.jdk.JdkHttpTransport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that drive the server with the client library (`latchkey-client`). The
 * library discovers its endpoints, so the server runs on a port chosen beforehand and
 * names itself after it, and the library's clock is one the test moves.
 */
public abstract class ClientLibrarySupport extends ServerTestSupport {

	private static final int PORT = freePort();

	protected static final URI ISSUER = URI.create("http://localhost:" + PORT);

	/**
	 * Where tests that need it start the demo FHIR server ({@link FhirDemo}); the server
	 * knows it as a FHIR server tokens may be for. Set here for every subclass, so they
	 * share one application context (and its port).
	 */
	protected static final URI FHIR_BASE = FhirDemo.freeBase();

	/** What the library sent, counted by path. */
	protected final CountingTransport sent = new CountingTransport(new JdkHttpTransport());

	protected final MutableClock libraryClock = new MutableClock();

	@DynamicPropertySource
	static void fixedPort(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("latchkey.issuer", () -> ISSUER.toString());
		registry.add("latchkey.smart.fhir-base-urls", FHIR_BASE::toString);
	}

	/** A client of this server through the counting transport and the test's clock. */
	protected OAuthClient.Builder library(String clientId) {
		return OAuthClient.builder(ISSUER, clientId, this.sent).clock(this.libraryClock);
	}

	/**
	 * Registers a public app with loopback redirects, refresh tokens and the shortest
	 * access-token lifetime the server allows.
	 */
	protected void registerApp(String clientId, List<String> grantTypes, List<String> scopes) {
		TestHttp.Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_id", clientId, "client_name", "Patient app " + clientId, "type", "public",
						"redirect_uris", List.of("http://127.0.0.1/callback"), "grant_types", grantTypes, "scopes",
						scopes, "require_consent", false, "token_settings", Map.of("access_token_ttl", 60)),
				"Authorization", TestHttp.bearer(adminToken()));
		if (created.status() != 201) {
			throw new IllegalStateException("client registration failed: " + created);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A transport that counts requests by method and path before passing them on.
	 */
	public static final class CountingTransport implements HttpTransport {

		private final HttpTransport delegate;

		private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		CountingTransport(HttpTransport delegate) {
			this.delegate = delegate;
		}

		@Override
		public HttpResponse send(HttpRequest request) throws IOException {
			this.counts.computeIfAbsent(request.method() + " " + request.uri().getPath(), (key) -> new AtomicInteger())
				.incrementAndGet();
			return this.delegate.send(request);
		}

		public int count(String methodAndPath) {
			AtomicInteger count = this.counts.get(methodAndPath);
			return (count != null) ? count.get() : 0;
		}

		public void reset() {
			this.counts.clear();
		}

	}

}
