package io.latchkey.authorization;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of SMART App Launch.
 *
 * @param fhirBaseUrls the FHIR servers tokens may be for: an {@code aud} request
 * parameter must name one of them, and it becomes the access token's {@code aud}; when
 * none is configured, {@code aud} is ignored
 * @param needPatientBanner SMART {@code need_patient_banner} for token responses with a
 * person's launch context; omitted when not set
 * @param smartStyleUrl SMART {@code smart_style_url}: the style sheet apps should follow,
 * in token responses with a person's launch context; omitted when not set
 */
@ConfigurationProperties("latchkey.smart")
record SmartSettings(@DefaultValue List<URI> fhirBaseUrls, @Nullable Boolean needPatientBanner,
		@Nullable URI smartStyleUrl) {

	SmartSettings {
		if (smartStyleUrl != null && (!smartStyleUrl.isAbsolute() || smartStyleUrl.getHost() == null)) {
			throw new IllegalArgumentException("latchkey.smart.smart-style-url must be an absolute URL");
		}
		for (URI url : fhirBaseUrls) {
			if (!url.isAbsolute() || url.getHost() == null || url.getQuery() != null || url.getFragment() != null) {
				throw new IllegalArgumentException(
						"latchkey.smart.fhir-base-urls must be absolute URLs without query or fragment: " + url);
			}
		}
		fhirBaseUrls = List.copyOf(fhirBaseUrls);
	}

	boolean checksAudience() {
		return !this.fhirBaseUrls.isEmpty();
	}

	/**
	 * The configured FHIR base URL an {@code aud} value names, as configured; a trailing
	 * slash and the case of scheme and host make no difference.
	 */
	Optional<String> fhirServerNamedBy(String aud) {
		String requested = normalised(aud);
		return this.fhirBaseUrls.stream()
			.map(URI::toString)
			.filter((url) -> normalised(url).equals(requested))
			.findFirst();
	}

	private static String normalised(String url) {
		try {
			URI uri = URI.create(url.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase() : "";
			String host = (uri.getHost() != null) ? uri.getHost().toLowerCase() : "";
			String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
			while (path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
			return scheme + "://" + host + ((uri.getPort() != -1) ? ":" + uri.getPort() : "") + path + query;
		}
		catch (IllegalArgumentException ex) {
			return "\u0000invalid";
		}
	}

}
