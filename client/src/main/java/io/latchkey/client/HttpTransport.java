package io.latchkey.client;

import java.io.IOException;

/**
 * Sends one HTTP request and reads the whole answer. The library speaks HTTP only through
 * this interface, so that it runs wherever an adapter exists: {@code java.net.http} on
 * the JVM ({@link io.latchkey.client.jdk.JdkHttpTransport}) and OkHttp on Android
 * ({@link io.latchkey.client.okhttp.OkHttpTransport}). An adapter must not follow
 * redirects: the loopback and token steps read them themselves.
 */
@FunctionalInterface
public interface HttpTransport {

	HttpResponse send(HttpRequest request) throws IOException;

}
