package io.latchkey.client.okhttp;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.latchkey.client.AuthorizedHttp;
import io.latchkey.client.HttpRequest;
import io.latchkey.client.HttpResponse;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The authorizing wrapper as an OkHttp application interceptor, the usual place for
 * 401-refresh-retry on Android: {@code new OkHttpClient.Builder().addInterceptor(new
 * AuthorizingInterceptor(client.authorizedHttp(store)))}. A one-shot request body
 * ({@link RequestBody#isOneShot()}) is never sent twice. Answers are read whole.
 */
public final class AuthorizingInterceptor implements Interceptor {

	private final AuthorizedHttp authorized;

	public AuthorizingInterceptor(AuthorizedHttp authorized) {
		this.authorized = authorized;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request original = chain.request();
		HttpResponse answer = this.authorized.send(toLibrary(original), (request) -> proceed(chain, request));
		String contentType = answer.header("Content-Type");
		Headers.Builder headers = new Headers.Builder();
		answer.headers().forEach((name, values) -> values.forEach((value) -> headers.add(name, value)));
		return new Response.Builder().request(original)
			.protocol(Protocol.HTTP_1_1)
			.code(answer.status())
			.message("")
			.headers(headers.build())
			.body(ResponseBody.create(answer.body(), (contentType != null) ? MediaType.parse(contentType) : null))
			.build();
	}

	private static HttpRequest toLibrary(Request request) throws IOException {
		RequestBody body = request.body();
		byte[] bytes = null;
		Map<String, List<String>> headers = new java.util.LinkedHashMap<>(request.headers().toMultimap());
		if (body != null) {
			Buffer buffer = new Buffer();
			body.writeTo(buffer);
			bytes = buffer.readByteArray();
			if (body.contentType() != null) {
				headers.put("Content-Type", List.of(body.contentType().toString()));
			}
		}
		return new HttpRequest(request.method(), URI.create(request.url().toString()), headers, bytes,
				body == null || !body.isOneShot());
	}

	private static HttpResponse proceed(Chain chain, HttpRequest request) throws IOException {
		Headers.Builder headers = new Headers.Builder();
		request.headers().forEach((name, values) -> values.forEach((value) -> headers.add(name, value)));
		String contentType = request.header("Content-Type");
		RequestBody body = (request.body() != null)
				? RequestBody.create(request.body(), (contentType != null) ? MediaType.parse(contentType) : null)
				: null;
		Request rebuilt = chain.request()
			.newBuilder()
			.url(request.uri().toString())
			.headers(headers.build())
			.method(request.method(), body)
			.build();
		try (Response response = chain.proceed(rebuilt)) {
			ResponseBody responseBody = response.body();
			return new HttpResponse(response.code(), response.headers().toMultimap(),
					(responseBody != null) ? responseBody.bytes() : new byte[0]);
		}
	}

}
