package io.latchkey.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The resource-side check for bearer JWTs: a session token counts only together with the
 * fingerprint cookie whose hash it carries, and only until it is revoked; an OAuth access
 * token is checked as before, unless this check accepts sessions only.
 */
class SessionTokenAuthenticationManagerResolver implements AuthenticationManagerResolver<HttpServletRequest> {

	private final JwtDecoder decoder;

	private final RevokedSessions revoked;

	private final boolean sessionsOnly;

	private final JwtAuthenticationConverter accessTokens = new JwtAuthenticationConverter();

	SessionTokenAuthenticationManagerResolver(JwtDecoder decoder, RevokedSessions revoked, boolean sessionsOnly) {
		this.decoder = decoder;
		this.revoked = revoked;
		this.sessionsOnly = sessionsOnly;
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(this.decoder);
		provider.setJwtAuthenticationConverter(converter(request));
		return provider::authenticate;
	}

	private Converter<Jwt, AbstractAuthenticationToken> converter(HttpServletRequest request) {
		return (jwt) -> {
			if (!SessionTokens.isSession(jwt)) {
				if (this.sessionsOnly) {
					throw new InvalidBearerTokenException("Not a session token");
				}
				return this.accessTokens.convert(jwt);
			}
			// Same answer for every mismatch, so a caller learns nothing about which part
			// failed.
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

}
