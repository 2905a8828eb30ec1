package io.latchkey.session;

import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The resource-side check for bearer JWTs on Latchkey's own APIs. A session token (its
 * {@code typ}) counts only together with the fingerprint cookie whose hash it carries,
 * and only until it is revoked; otherwise the token must be an OAuth access token (an ID
 * token is not one), unless this check accepts sessions only.
 */
class SessionTokenAuthenticationManagerResolver implements AuthenticationManagerResolver<HttpServletRequest> {

	/** Latchkey puts it on every access token and on nothing else it signs. */
	private static final String CLIENT_ID = "client_id";

	private final JwtDecoder accessTokens;

	private final SessionTokenDecoder sessionTokens;

	private final RevokedSessions revoked;

	private final boolean sessionsOnly;

	private final JwtAuthenticationConverter accessTokenAuthorities = new JwtAuthenticationConverter();

	SessionTokenAuthenticationManagerResolver(JwtDecoder accessTokens, SessionTokenDecoder sessionTokens,
			RevokedSessions revoked, boolean sessionsOnly) {
		this.accessTokens = accessTokens;
		this.sessionTokens = sessionTokens;
		this.revoked = revoked;
		this.sessionsOnly = sessionsOnly;
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		return (authentication) -> {
			String token = ((BearerTokenAuthenticationToken) authentication).getToken();
			JwtAuthenticationProvider provider;
			if (isSessionToken(token)) {
				provider = new JwtAuthenticationProvider(this.sessionTokens::decode);
				provider.setJwtAuthenticationConverter(session(request));
			}
			else if (this.sessionsOnly) {
				throw new InvalidBearerTokenException("Not a session token");
			}
			else {
				provider = new JwtAuthenticationProvider(this.accessTokens);
				provider.setJwtAuthenticationConverter(this::accessToken);
			}
			return provider.authenticate(authentication);
		};
	}

	/**
	 * Only picks the decoder: each decoder verifies the signature and refuses every other
	 * {@code typ}, so a forged header gains nothing.
	 */
	private static boolean isSessionToken(String token) {
		try {
			JOSEObjectType type = JWTParser.parse(token).getHeader().getType();
			return type != null && SessionTokens.TYPE.equals(type.getType());
		}
		catch (ParseException ex) {
			return false;
		}
	}

	private Converter<Jwt, AbstractAuthenticationToken> session(HttpServletRequest request) {
		return (jwt) -> {
			// Same answer for every mismatch, so a caller learns nothing about
			// which part failed.
			if (!FingerprintCookie.matches(FingerprintCookie.read(request), jwt.getClaimAsString(SessionTokens.CONTEXT))
					|| this.revoked.isRevoked(jwt)) {
				throw new InvalidBearerTokenException("The session token is not valid for this request");
			}
			List<String> roles = jwt.getClaimAsStringList(SessionTokens.ROLES);
			List<SimpleGrantedAuthority> authorities = (roles != null)
					? roles.stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList() : List.of();
			return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
		};
	}

	private AbstractAuthenticationToken accessToken(Jwt jwt) {
		if (jwt.getClaimAsString(CLIENT_ID) == null) {
			throw new InvalidBearerTokenException("Not an access token");
		}
		return this.accessTokenAuthorities.convert(jwt);
	}

}
