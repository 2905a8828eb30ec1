package io.latchkey.client.okhttp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.latchkey.client.HttpRequest;
import io.latchkey.client.HttpResponse;
import io.latchkey.client.HttpTransport;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The transport on Android (or wherever OkHttp is the HTTP client). The client given is
 * copied with redirects off; its interceptors, pools and TLS settings stay.
 */
public final class OkHttpTransport implements HttpTransport {

	/** Methods OkHttp refuses without a body. */
	private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");

	private final OkHttpClient client;

	public OkHttpTransport() {
		this(new OkHttpClient());
	}

	public OkHttpTransport(OkHttpClient client) {
		this.client = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
	}

	@Override
	public HttpResponse send(HttpRequest request) throws IOException {
		Headers.Builder headers = new Headers.Builder();
		request.headers().forEach((name, values) -> values.forEach((value) -> headers.add(name, value)));
		RequestBody body = null;
		if (request.body() != null) {
			String contentType = request.header("Content-Type");
			body = RequestBody.create(request.body(), (contentType != null) ? MediaType.parse(contentType) : null);
		}
		else if (METHODS_WITH_BODY.contains(request.method())) {
			body = RequestBody.create(new byte[0], null);
		}
		Request okRequest = new Request.Builder().url(request.uri().toString())
			.headers(headers.build())
			.method(request.method(), body)
			.build();
		try (Response response = this.client.newCall(okRequest).execute()) {
			ResponseBody responseBody = response.body();
			byte[] bytes = (responseBody != null) ? responseBody.bytes() : new byte[0];
			Map<String, List<String>> responseHeaders = response.headers().toMultimap();
			return new HttpResponse(response.code(), responseHeaders, bytes);
		}
	}

}
