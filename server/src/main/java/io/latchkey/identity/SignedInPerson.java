package io.latchkey.identity;

import java.security.Principal;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who a successful password sign-in is, whatever the account source.
 *
 * @param subject the stable name ({@code sub}): the local account's id or the directory's
 * entry id, never a login name that may be reused
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
		if (authentication.getPrincipal() instanceof LocalAccountUser user) {
			return new SignedInPerson(user.getUsername(), user.loginName(), LOCAL, roles);
		}
		return new SignedInPerson(authentication.getName(), authentication.getName(), LOCAL, roles);
	}

	/**
	 * The login name to show a signed-in person, who would not recognise their
	 * {@code sub}.
	 */
	public static String usernameOf(Principal principal) {
		return (principal instanceof Authentication authentication) ? of(authentication).username()
				: principal.getName();
	}

	/** The roles among the authorities, e.g. {@code admin} for {@code ROLE_admin}. */
	public static List<String> roles(Authentication authentication) {
		return roles(authentication.getAuthorities());
	}

	static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.distinct()
			.sorted()
			.toList();
	}

}
