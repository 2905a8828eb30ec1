package io.latchkey.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.latchkey.identity.SignedInPerson;
import io.latchkey.shared.LatchkeyProperties;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Mints session tokens with Latchkey's signing keys (ES256). Their JOSE header
 * {@code typ} ({@value #TYPE}) tells them apart from OAuth access and ID tokens (RFC 8725
 * §3.11): the decoder of OAuth tokens refuses this type, and the session decoder refuses
 * every other.
 */
@Component
class SessionTokens {

	/** The {@code typ} header of session tokens. */
	static final String TYPE = "latchkey-session+jwt";

	static final String CONTEXT = "ctx";

	static final String ROLES = "roles";

	static final String AUTH_TIME = "auth_time";

	private final JwtEncoder encoder;

	private final LatchkeyProperties properties;

	private final SessionSettings settings;

	private final Clock clock;

	SessionTokens(JwtEncoder encoder, LatchkeyProperties properties, SessionSettings settings, Clock clock) {
		this.encoder = encoder;
		this.properties = properties;
		this.settings = settings;
		this.clock = clock;
	}

	Issued issue(SignedInPerson person, String context) {
		Instant now = this.clock.instant();
		return issue(person.subject(), person.username(), person.directory(), person.roles(), context, now);
	}

	/**
	 * The next token of a session: same person, fingerprint and sign-in time, with the
	 * person's roles now.
	 */
	Issued renew(Jwt current, List<String> roles) {
		String username = Objects.requireNonNullElse(current.getClaimAsString("preferred_username"),
				current.getSubject());
		String directory = Objects.requireNonNullElse(current.getClaimAsString("directory"), SignedInPerson.LOCAL);
		return issue(current.getSubject(), username, directory, roles, current.getClaimAsString(CONTEXT),
				authTime(current));
	}

	boolean renewable(Jwt current) {
		return this.clock.instant().isBefore(authTime(current).plus(this.settings.maxLifetime()));
	}

	private Issued issue(String subject, String username, String directory, List<String> roles, String context,
			Instant authTime) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.tokenTtl());
		String id = UUID.randomUUID().toString();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer().toString())
			.audience(List.of(this.properties.issuer().toString()))
			.subject(subject)
			.issuedAt(now)
			.expiresAt(expiresAt)
			.id(id)
			.claim("preferred_username", username)
			.claim("directory", directory)
			.claim(ROLES, roles)
			.claim(CONTEXT, context)
			.claim(AUTH_TIME, authTime.getEpochSecond())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).type(TYPE).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new Issued(token, id, this.settings.tokenTtl().toSeconds());
	}

	private static Instant authTime(Jwt jwt) {
		Object value = jwt.getClaims().get(AUTH_TIME);
		if (value instanceof Instant instant) {
			return instant;
		}
		return (value instanceof Number seconds) ? Instant.ofEpochSecond(seconds.longValue()) : Instant.EPOCH;
	}

	/**
	 * A minted session token.
	 *
	 * @param token the JWT
	 * @param id its {@code jti}
	 * @param expiresIn seconds until it expires
	 */
	record Issued(String token, String id, long expiresIn) {

	}

}
