package io.latchkey.authorization;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A SMART App Launch resource scope, v2 ({@code patient/Observation.rs?category=…}) or v1
 * ({@code patient/*.read}, mapped to v2 permissions), and when one registered scope
 * covers a requested one.
 *
 * @param context {@code patient}, {@code user} or {@code system}
 * @param resourceType a FHIR resource type, or {@code *} for all
 * @param permissions of {@code cruds}, in that order
 * @param query the search parameters that narrow the scope, when any
 */
record SmartScope(String context, String resourceType, String permissions, @Nullable String query) {

	private static final Set<String> CONTEXTS = Set.of("patient", "user", "system");

	private static final Pattern RESOURCE_SCOPE = Pattern
		.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]*)\\.([a-z*]+)(?:\\?(.+))?");

	private static final Pattern V2_PERMISSIONS = Pattern.compile("c?r?u?d?s?");

	/**
	 * {@code param=value} pairs joined by {@code &}. No comma: granted scopes are stored
	 * comma-separated in consents.
	 */
	private static final Pattern QUERY = Pattern
		.compile("[A-Za-z0-9_.:-]+=[^&=,\\s]+(?:&[A-Za-z0-9_.:-]+=[^&=,\\s]+)*");

	/**
	 * Whether a scope claims to be a resource scope (starts with a context), so that it
	 * must parse; {@code launch/patient} and {@code openid} do not.
	 */
	static boolean isResourceScope(String scope) {
		int slash = scope.indexOf('/');
		return slash > 0 && CONTEXTS.contains(scope.substring(0, slash));
	}

	/** The scope, or empty when it does not follow the v1 or v2 grammar. */
	static Optional<SmartScope> parse(String scope) {
		Matcher matcher = RESOURCE_SCOPE.matcher(scope);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String permissions = matcher.group(3);
		String query = matcher.group(4);
		String v2 = switch (permissions) {
			case "read" -> "rs";
			case "write" -> "cud";
			case "*" -> "cruds";
			default -> (!permissions.isEmpty() && V2_PERMISSIONS.matcher(permissions).matches()) ? permissions : null;
		};
		boolean v1 = !Objects.equals(v2, permissions);
		if (v2 == null || (query != null && (v1 || !QUERY.matcher(query).matches()))) {
			return Optional.empty();
		}
		return Optional.of(new SmartScope(matcher.group(1), matcher.group(2), v2, query));
	}

	/**
	 * Whether a client registered with this scope may be granted the requested one: same
	 * context, the same resource type or all of them, no permission more, and no query
	 * dropped or changed.
	 */
	boolean covers(SmartScope requested) {
		return this.context.equals(requested.context)
				&& (this.resourceType.equals("*") || this.resourceType.equals(requested.resourceType))
				&& requested.permissions.chars().allMatch((permission) -> this.permissions.indexOf(permission) >= 0)
				&& (this.query == null || this.query.equals(requested.query));
	}

}
