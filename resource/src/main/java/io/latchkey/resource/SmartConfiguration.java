package io.latchkey.resource;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

/**
 * The issuer's {@code /.well-known/smart-configuration}, served again under the FHIR
 * base, where SMART clients look for it (SMART App Launch 2, section 2.1): fetched from
 * the issuer, checked to name it, and kept for a while.
 */
final class SmartConfiguration {

	private static final int TIMEOUT_MILLIS = 5000;

	private final ResourceServerSettings settings;

	private final Clock clock;

	private volatile @Nullable Cached cached;

	SmartConfiguration(ResourceServerSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** The document as JSON text. */
	String json() throws IOException {
		Instant now = this.clock.instant();
		Cached known = this.cached;
		if (known != null && now.isBefore(known.until())) {
			return known.json();
		}
		String fresh = fetch();
		this.cached = new Cached(fresh, now.plus(this.settings.metadataCacheTtl()));
		return fresh;
	}

	private String fetch() throws IOException {
		URI location = URI.create(this.settings.issuer() + "/.well-known/smart-configuration");
		HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, location);
		request.setAccept("application/json");
		request.setConnectTimeout(TIMEOUT_MILLIS);
		request.setReadTimeout(TIMEOUT_MILLIS);
		HTTPResponse response = request.send();
		if (response.getStatusCode() != 200) {
			throw new IOException("the issuer's SMART configuration answered " + response.getStatusCode());
		}
		try {
			Map<String, Object> document = JSONObjectUtils.parse(response.getBody());
			if (!this.settings.issuer().toString().equals(document.get("issuer"))) {
				throw new IOException("the SMART configuration names another issuer");
			}
			return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(document);
		}
		catch (ParseException ex) {
			throw new IOException("the issuer's SMART configuration is not a JSON object");
		}
	}

	private record Cached(String json, Instant until) {

	}

}
