package io.latchkey.identity;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who a successful password sign-in is, whatever the account source.
 *
 * @param subject the stable name ({@code sub}): the local username or the directory's
 * entry id
 * @param username the login name
 * @param directory {@code local} or the directory's configured name
 * @param roles the person's roles, without the {@code ROLE_} prefix
 */
public record SignedInPerson(String subject, String username, String directory, List<String> roles) {

	public static final String LOCAL = "local";

	public static SignedInPerson of(Authentication authentication) {
		List<String> roles = roles(authentication);
		if (authentication.getPrincipal() instanceof DirectoryUser user) {
			return new SignedInPerson(user.getUsername(), user.loginName(), user.directory(), roles);
		}
		return new SignedInPerson(authentication.getName(), authentication.getName(), LOCAL, roles);
	}

	/** The roles among the authorities, e.g. {@code admin} for {@code ROLE_admin}. */
	public static List<String> roles(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.distinct()
			.sorted()
			.toList();
	}

}
