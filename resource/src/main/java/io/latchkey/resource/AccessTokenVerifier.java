package io.latchkey.resource;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.jspecify.annotations.Nullable;

/**
 * Checks a Latchkey access token: signature by one of the issuer's keys (Nimbus), issuer,
 * lifetime against the FHIR server's clock, and that its {@code aud} names this FHIR
 * server, so a token meant for another server is worthless here (SMART App Launch 2).
 */
final class AccessTokenVerifier {

	private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
			JWSAlgorithm.ES512, JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
			JWSAlgorithm.PS384, JWSAlgorithm.PS512);

	private final ResourceServerSettings settings;

	private final Clock clock;

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	AccessTokenVerifier(ResourceServerSettings settings, JWKSource<SecurityContext> keys, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
		// Session tokens and other JWTs of the issuer carry a type of their own.
		this.processor.setJWSTypeVerifier(
				new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
		// The claims are checked below against the injected clock.
		this.processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
	}

	/**
	 * The token's claims once signature, issuer, lifetime and audience hold.
	 * @throws InvalidTokenException naming the first check that failed
	 * @throws KeysUnavailableException when the issuer's keys cannot be fetched
	 */
	JWTClaimsSet verify(String token) throws InvalidTokenException, KeysUnavailableException {
		JWTClaimsSet claims;
		try {
			claims = this.processor.process(token, null);
		}
		catch (ParseException ex) {
			throw new InvalidTokenException("the access token is not a JWT");
		}
		catch (com.nimbusds.jose.KeySourceException ex) {
			throw new KeysUnavailableException(ex);
		}
		catch (BadJOSEException | JOSEException ex) {
			throw new InvalidTokenException("the access token's signature or type is not accepted");
		}
		if (!this.settings.issuer().toString().equals(withoutTrailingSlash(claims.getIssuer()))) {
			throw new InvalidTokenException("the access token is from another issuer");
		}
		Instant now = this.clock.instant();
		Date expires = claims.getExpirationTime();
		if (expires == null || !now.isBefore(expires.toInstant().plus(this.settings.clockSkew()))) {
			throw new InvalidTokenException("the access token expired");
		}
		Date notBefore = claims.getNotBeforeTime();
		if (notBefore != null && now.isBefore(notBefore.toInstant().minus(this.settings.clockSkew()))) {
			throw new InvalidTokenException("the access token is not valid yet");
		}
		if (claims.getSubject() == null) {
			throw new InvalidTokenException("the access token names no subject");
		}
		if (!namesThisServer(claims.getAudience())) {
			throw new InvalidTokenException("the access token is not for this FHIR server");
		}
		return claims;
	}

	private boolean namesThisServer(List<String> audience) {
		String self = normalised(this.settings.fhirBaseUrl().toString());
		return audience.stream().anyMatch((aud) -> self.equals(normalised(aud)));
	}

	/** A trailing slash and the case of scheme and host make no difference. */
	private static String normalised(String url) {
		try {
			URI uri = URI.create(url.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
			String path = withoutTrailingSlash((uri.getRawPath() != null) ? uri.getRawPath() : "");
			return scheme + "://" + host + ((uri.getPort() != -1) ? ":" + uri.getPort() : "") + path
					+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		catch (IllegalArgumentException ex) {
			return "\u0000not a URL";
		}
	}

	private static String withoutTrailingSlash(@Nullable String url) {
		if (url == null) {
			return "";
		}
		String result = url;
		while (result.endsWith("/")) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

}
