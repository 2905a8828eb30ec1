package io.latchkey.authorization.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Keeps the person behind an authorization as name and authorities, and rebuilds an
 * authenticated token from them; factor authorities keep their time because the ID
 * token's {@code auth_time} is taken from them (OpenID Connect Core 1.0 section 2).
 */
final class StoredPrincipal {

	private static final String AUTHORITY = "authority";

	private static final String ISSUED_AT = "issued_at";

	private StoredPrincipal() {
	}

	static String authoritiesJson(Authentication principal) {
		List<Map<String, Object>> authorities = new ArrayList<>();
		for (GrantedAuthority authority : principal.getAuthorities()) {
			if (authority.getAuthority() == null) {
				continue;
			}
			Map<String, Object> stored = new LinkedHashMap<>();
			stored.put(AUTHORITY, authority.getAuthority());
			if (authority instanceof FactorGrantedAuthority factor) {
				stored.put(ISSUED_AT, factor.getIssuedAt());
			}
			authorities.add(stored);
		}
		return TypedJson.writeValue(authorities);
	}

	/**
	 * The principal as a signed-in user: a {@link User} with that name, so that it equals
	 * the principal of the person's sessions when the library looks them up for the
	 * {@code sid} claim.
	 */
	static Authentication rebuild(String name, @Nullable String authoritiesJson) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (TypedJson.readValue(authoritiesJson) instanceof List<?> stored) {
			for (Object element : stored) {
				Map<?, ?> authority = (Map<?, ?>) element;
				String value = (String) authority.get(AUTHORITY);
				if (authority.get(ISSUED_AT) instanceof Instant issuedAt) {
					authorities.add(FactorGrantedAuthority.withAuthority(value).issuedAt(issuedAt).build());
				}
				else {
					authorities.add(new SimpleGrantedAuthority(value));
				}
			}
		}
		User user = new User(name, "", authorities);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

}
