package io.latchkey.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A SMART App Launch resource scope as a token carries it: v2
 * ({@code patient/Observation.rs?category=…}) or v1 ({@code patient/*.read}, read as its
 * v2 permissions), and which FHIR interactions it allows.
 *
 * @param context {@code patient}, {@code user} or {@code system}
 * @param resourceType a FHIR resource type, or {@code *} for all
 * @param permissions of {@code cruds}, in that order
 * @param query the search parameters that narrow the scope, as {@code name=value} pairs
 */
public record SmartScope(String context, String resourceType, String permissions,
		List<Map.Entry<String, String>> query) {

	private static final Pattern RESOURCE_SCOPE = Pattern
		.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]*)\\.([a-z*]+)(?:\\?(.+))?");

	private static final Pattern V2_PERMISSIONS = Pattern.compile("c?r?u?d?s?");

	private static final Pattern QUERY_PAIR = Pattern.compile("([A-Za-z0-9_.:-]+)=([^&=\\s]+)");

	public SmartScope {
		query = List.copyOf(query);
	}

	/**
	 * The scope, or empty when it is no resource scope ({@code openid},
	 * {@code launch/patient}) or breaks the grammar: such a scope grants nothing here.
	 */
	public static Optional<SmartScope> parse(String scope) {
		Matcher matcher = RESOURCE_SCOPE.matcher(scope);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String permissions = matcher.group(3);
		String v2 = switch (permissions) {
			case "read" -> "rs";
			case "write" -> "cud";
			case "*" -> "cruds";
			default -> (!permissions.isEmpty() && V2_PERMISSIONS.matcher(permissions).matches()) ? permissions : null;
		};
		if (v2 == null) {
			return Optional.empty();
		}
		boolean v1 = !v2.equals(permissions);
		String rawQuery = matcher.group(4);
		if (rawQuery == null) {
			return Optional.of(new SmartScope(matcher.group(1), matcher.group(2), v2, List.of()));
		}
		if (v1) {
			return Optional.empty();
		}
		return parseQuery(rawQuery).map((query) -> new SmartScope(matcher.group(1), matcher.group(2), v2, query));
	}

	/** Every resource scope among space-separated scopes; the others are left out. */
	public static List<SmartScope> parseAll(@Nullable String scopes) {
		if (scopes == null || scopes.isBlank()) {
			return List.of();
		}
		List<SmartScope> parsed = new ArrayList<>();
		for (String scope : scopes.trim().split("\\s+")) {
			parse(scope).ifPresent(parsed::add);
		}
		return List.copyOf(parsed);
	}

	/**
	 * Whether this scope allows the interaction on the resource type. A query-narrowed
	 * scope allows only searches that carry each of its parameters with its value, since
	 * nothing else can be checked before the resource is read.
	 */
	public boolean allows(FhirRequest request) {
		if (!this.resourceType.equals("*") && !this.resourceType.equals(request.resourceType())) {
			return false;
		}
		if (this.permissions.indexOf(request.interaction().permission()) < 0) {
			return false;
		}
		if (this.query.isEmpty()) {
			return true;
		}
		return request.interaction() == FhirRequest.Interaction.SEARCH && this.query.stream()
			.allMatch((pair) -> request.parameters().getOrDefault(pair.getKey(), List.of()).contains(pair.getValue()));
	}

	public boolean patientContext() {
		return this.context.equals("patient");
	}

	private static Optional<List<Map.Entry<String, String>>> parseQuery(String rawQuery) {
		List<Map.Entry<String, String>> pairs = new ArrayList<>();
		for (String pair : rawQuery.split("&", -1)) {
			Matcher matcher = QUERY_PAIR.matcher(pair);
			if (!matcher.matches()) {
				return Optional.empty();
			}
			pairs.add(Map.entry(matcher.group(1), matcher.group(2)));
		}
		return Optional.of(pairs);
	}

}
