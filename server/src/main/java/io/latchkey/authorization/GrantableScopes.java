package io.latchkey.authorization;

import java.util.List;
import java.util.Set;

import io.latchkey.identity.SignedInPerson;
import io.latchkey.identity.UserAccounts;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which of some scopes a person may be granted (see {@link PrivilegedScopes}), for the
 * token endpoint that enforces it and the pages that should not offer the rest.
 */
@Component
public class GrantableScopes {

	private final UserAccounts users;

	GrantableScopes(UserAccounts users) {
		this.users = users;
	}

	/**
	 * The scopes without those the person's roles do not allow: a local account's roles
	 * as they are now, a directory person's as the group mapping gave them at sign-in.
	 * @param principalName the person's name as authorizations record it
	 * @param principal the person as signed in, when known
	 */
	public Set<String> of(Set<String> scopes, String principalName, @Nullable Authentication principal) {
		if (!PrivilegedScopes.anyIn(scopes)) {
			return scopes;
		}
		List<String> roles = this.users.findBySubject(principalName)
			.map((account) -> List.copyOf(account.roles()))
			.orElseGet(() -> (principal != null) ? SignedInPerson.roles(principal) : List.of());
		return PrivilegedScopes.grantable(scopes, roles);
	}

}
