package io.latchkey.resource;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the kit needs to protect one FHIR server.
 *
 * @param issuer the Latchkey issuer whose tokens count; its discovery document names the
 * JWKS
 * @param fhirBaseUrl the FHIR base URL as apps see it: tokens must name it in
 * {@code aud}, and DPoP proofs must name addresses under it
 * @param clockSkew how far the clocks of issuer and FHIR server may differ when a token's
 * {@code exp} and {@code nbf} are checked
 * @param jwksCacheTtl how long the issuer's keys are kept; an unknown key id fetches them
 * again at once (key rotation), at most every few seconds
 * @param metadataCacheTtl how long the issuer's SMART configuration is served from memory
 */
public record ResourceServerSettings(URI issuer, URI fhirBaseUrl, Duration clockSkew, Duration jwksCacheTtl,
		Duration metadataCacheTtl) {

	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

	public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(5);

	public static final Duration DEFAULT_METADATA_CACHE_TTL = Duration.ofMinutes(5);

	public ResourceServerSettings {
		Objects.requireNonNull(issuer, "issuer");
		Objects.requireNonNull(fhirBaseUrl, "fhirBaseUrl");
		requireBase(issuer, "issuer");
		requireBase(fhirBaseUrl, "fhirBaseUrl");
		fhirBaseUrl = URI.create(withoutTrailingSlash(fhirBaseUrl.toString()));
		issuer = URI.create(withoutTrailingSlash(issuer.toString()));
		if (clockSkew.isNegative() || jwksCacheTtl.isNegative() || metadataCacheTtl.isNegative()) {
			throw new IllegalArgumentException("durations must not be negative");
		}
	}

	/** Settings with the default clock skew and cache lifetimes. */
	public static ResourceServerSettings of(URI issuer, URI fhirBaseUrl) {
		return new ResourceServerSettings(issuer, fhirBaseUrl, DEFAULT_CLOCK_SKEW, DEFAULT_JWKS_CACHE_TTL,
				DEFAULT_METADATA_CACHE_TTL);
	}

	/** The path of the FHIR base on this server, without a trailing slash. */
	public String basePath() {
		String path = this.fhirBaseUrl.getRawPath();
		return (path != null) ? path : "";
	}

	private static void requireBase(URI url, String name) {
		if (!url.isAbsolute() || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException(name + " must be an absolute URL without query or fragment: " + url);
		}
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
