package io.latchkey.authorization;

import java.util.Optional;
import java.util.Set;

/**
 * Which scopes a client may ask for, with SMART App Launch resource scopes granted as a
 * subset of the registered ones ({@link SmartScope#covers}), for every place that checks
 * a request's scopes against the client's.
 */
public final class SmartScopes {

	private SmartScopes() {
	}

	/**
	 * Whether a client registered with some scopes may ask for one: the same scope, or a
	 * SMART resource scope a registered one covers. A scope that starts like a resource
	 * scope but breaks its grammar is never allowed.
	 */
	public static boolean permits(Set<String> registered, String requested) {
		if (!SmartScope.isResourceScope(requested)) {
			return registered.contains(requested);
		}
		SmartScope wanted = SmartScope.parse(requested).orElse(null);
		return wanted != null && registered.stream()
			.map(SmartScope::parse)
			.flatMap(Optional::stream)
			.anyMatch((scope) -> scope.covers(wanted));
	}

}
