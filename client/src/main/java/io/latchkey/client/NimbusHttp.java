package io.latchkey.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

/**
 * Sends Nimbus's protocol messages through a {@link HttpTransport}: Nimbus builds and
 * parses them, the transport carries them.
 */
final class NimbusHttp {

	private final HttpTransport transport;

	NimbusHttp(HttpTransport transport) {
		this.transport = transport;
	}

	HTTPResponse send(HTTPRequest request) throws IOException {
		return toNimbus(this.transport.send(fromNimbus(request)));
	}

	static HttpRequest fromNimbus(HTTPRequest request) {
		String body = request.getBody();
		return new HttpRequest(request.getMethod().name(), request.getURI(), request.getHeaderMap(),
				(body != null) ? body.getBytes(StandardCharsets.UTF_8) : null, true);
	}

	static HTTPResponse toNimbus(HttpResponse response) {
		HTTPResponse converted = new HTTPResponse(response.status());
		for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
			if (header.getKey() != null) {
				converted.setHeader(canonical(header.getKey()), header.getValue().toArray(String[]::new));
			}
		}
		if (response.body().length > 0) {
			converted.setBody(response.bodyText());
		}
		return converted;
	}

	/** Nimbus looks headers up by their usual spelling; HTTP/2 delivers lower case. */
	private static String canonical(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "content-type" -> "Content-Type";
			case "www-authenticate" -> "WWW-Authenticate";
			case "dpop-nonce" -> "DPoP-Nonce";
			case "cache-control" -> "Cache-Control";
			case "location" -> "Location";
			default -> name;
		};
	}

}
