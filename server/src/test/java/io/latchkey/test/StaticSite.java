package io.latchkey.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A web site on 127.0.0.1 and a port of its own, so a page there is another origin than
 * the server under test: fixed files by path, each with its content type. Answers
 * {@code 404} to anything else.
 */
public final class StaticSite implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, File> files = new ConcurrentHashMap<>();

	private final Map<String, String> headers;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** A site that adds these headers to every answer (CORS headers of its own, say). */
	public StaticSite(Map<String, String> headers) {
		this.headers = Map.copyOf(headers);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	public StaticSite() {
		this(Map.of());
	}

	/** {@code http://127.0.0.1:port}, without a trailing slash. */
	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public StaticSite serve(String path, String contentType, byte[] content) {
		this.files.put(path, new File(contentType, content.clone()));
		return this;
	}

	public StaticSite serve(String path, String contentType, String content) {
		return serve(path, contentType, content.getBytes(StandardCharsets.UTF_8));
	}

	/** What was asked, in order. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization")));
			this.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			File file = this.files.get(exchange.getRequestURI().getPath());
			if (exchange.getRequestMethod().equals("OPTIONS")) {
				exchange.sendResponseHeaders(204, -1);
				return;
			}
			if (file == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			exchange.getResponseHeaders().add("Content-Type", file.contentType());
			exchange.getResponseHeaders().add("Cache-Control", "no-store");
			exchange.sendResponseHeaders(200, file.content().length);
			exchange.getResponseBody().write(file.content());
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A request the site answered.
	 *
	 * @param method its method
	 * @param path its path
	 * @param authorization its {@code Authorization} header, if any
	 */
	public record Request(String method, String path, @Nullable String authorization) {
	}

	private record File(String contentType, byte[] content) {
	}

}
