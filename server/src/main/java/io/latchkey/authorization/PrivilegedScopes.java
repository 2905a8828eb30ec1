package io.latchkey.authorization;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Scopes a person may be granted only with a matching role, whatever the client was
 * registered with: {@code latchkey:admin} needs the role {@code admin}, and {@code roles}
 * needs some role beyond {@code patient}. Clients acting for themselves (client
 * credentials) are not people and keep what they are registered for.
 */
final class PrivilegedScopes {

	static final String ADMIN_SCOPE = "latchkey:admin";

	static final String ADMIN_ROLE = "admin";

	static final String PATIENT_ROLE = "patient";

	private PrivilegedScopes() {
	}

	/** Whether any of the scopes needs a role. */
	static boolean anyIn(Set<String> scopes) {
		return scopes.contains(ADMIN_SCOPE) || scopes.contains(IdentityClaimsCustomizer.ROLES_SCOPE);
	}

	/** The requested scopes without those the person's roles do not allow. */
	static Set<String> grantable(Set<String> scopes, Collection<String> roles) {
		Set<String> grantable = new LinkedHashSet<>(scopes);
		if (!roles.contains(ADMIN_ROLE)) {
			grantable.remove(ADMIN_SCOPE);
		}
		if (roles.stream().allMatch(PATIENT_ROLE::equals)) {
			grantable.remove(IdentityClaimsCustomizer.ROLES_SCOPE);
		}
		return grantable;
	}

}
