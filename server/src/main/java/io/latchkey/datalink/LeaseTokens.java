package io.latchkey.datalink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.latchkey.shared.FingerprintBinding;
import io.latchkey.shared.LatchkeyProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Leases: ES256 JWTs signed with Latchkey's keys, of their own {@code typ}, whose
 * {@code sub} is the link and whose {@code ctx} is the hash of a fingerprint cookie of
 * their own. Only a lease with its cookie counts here; the server's other token checks
 * accept only {@code typ} {@code JWT} (or none), so a lease counts nowhere else, and no
 * session or access token counts here.
 */
@Component
class LeaseTokens {

	static final String TYPE = "latchkey-lease+jwt";

	static final FingerprintBinding COOKIE = new FingerprintBinding("__Host-latchkey-lease");

	/**
	 * Where the pages keep the lease itself, since a page cannot send a header. Scripts
	 * can read neither cookie, and SameSite=Strict keeps both off cross-site requests.
	 */
	static final String PAGE_COOKIE = "__Host-latchkey-lease-token";

	private static final String CONTEXT = "ctx";

	private static final String BEARER = "Bearer ";

	private final JwtEncoder encoder;

	private final NimbusJwtDecoder decoder;

	private final LatchkeyProperties properties;

	private final DataLinkSettings settings;

	private final Clock clock;

	LeaseTokens(JwtEncoder encoder, JWKSource<SecurityContext> keys, LatchkeyProperties properties,
			DataLinkSettings settings, Clock clock) {
		this.encoder = encoder;
		this.properties = properties;
		this.settings = settings;
		this.clock = clock;
		this.decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.ES256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setClock(clock);
		this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTypeValidator(List.of(TYPE)),
				timestamps, new JwtIssuerValidator(properties.issuer().toString())));
	}

	Lease issue(UUID linkId) {
		String cookie = COOKIE.newValue();
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer().toString())
			.audience(List.of(this.properties.issuer().toString()))
			.subject(linkId.toString())
			.issuedAt(now)
			.expiresAt(now.plus(this.settings.leaseTtl()))
			.id(UUID.randomUUID().toString())
			.claim(CONTEXT, COOKIE.context(cookie))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).type(TYPE).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new Lease(token, cookie, this.settings.leaseTtl().toSeconds());
	}

	/**
	 * The link a request's lease is for, checked against its cookie.
	 * @throws LeaseRejectedException when there is no valid lease for this link with its
	 * cookie
	 */
	UUID verify(HttpServletRequest request, UUID linkId, boolean page) {
		String token = page ? pageToken(request) : bearer(request);
		if (token == null) {
			throw new LeaseRejectedException(linkId, "missing");
		}
		Jwt jwt = decode(token, linkId);
		if (!linkId.toString().equals(jwt.getSubject())) {
			throw new LeaseRejectedException(linkId, "other-link");
		}
		if (!COOKIE.matches(COOKIE.read(request), jwt.getClaimAsString(CONTEXT))) {
			throw new LeaseRejectedException(linkId, "cookie");
		}
		return linkId;
	}

	private static @Nullable String bearer(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return authorization.substring(BEARER.length()).trim();
	}

	private static @Nullable String pageToken(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (PAGE_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/**
	 * The {@code Set-Cookie} value that keeps the lease for the pages until it expires.
	 */
	static String pageCookie(Lease lease) {
		return ResponseCookie.from(PAGE_COOKIE, lease.token())
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/")
			.maxAge(lease.expiresIn())
			.build()
			.toString();
	}

	static String clearPageCookie() {
		return ResponseCookie.from(PAGE_COOKIE, "")
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/")
			.maxAge(0)
			.build()
			.toString();
	}

	private Jwt decode(String token, UUID linkId) {
		try {
			return this.decoder.decode(token);
		}
		catch (JwtException ex) {
			throw new LeaseRejectedException(linkId, "invalid");
		}
	}

	/**
	 * A minted lease.
	 *
	 * @param token the JWT
	 * @param cookie the fingerprint cookie's value, whose hash the JWT carries
	 * @param expiresIn seconds until it expires
	 */
	record Lease(String token, String cookie, long expiresIn) {

		@Override
		public String toString() {
			return "Lease[expiresIn=" + this.expiresIn + "]";
		}

	}

}
