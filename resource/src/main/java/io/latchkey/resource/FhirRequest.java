package io.latchkey.resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A FHIR REST interaction as the kit judges it: what is done to which resource type, on
 * which resource, with which search parameters.
 *
 * @param interaction what is done, as a SMART permission
 * @param resourceType the resource type acted on
 * @param id the resource acted on, for reads, updates and deletes
 * @param compartmentPatient the patient a compartment search
 * ({@code Patient/{id}/Observation}) is for
 * @param parameters the search parameters, by name
 */
public record FhirRequest(Interaction interaction, String resourceType, @Nullable String id,
		@Nullable String compartmentPatient, Map<String, List<String>> parameters) {

	private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]+");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

	public FhirRequest {
		parameters = Map.copyOf(parameters);
	}

	/**
	 * The interaction a request makes, from its method and its path under the FHIR base
	 * (FHIR RESTful API); empty for anything the kit does not know how to judge, such as
	 * batches, system-wide searches and operations.
	 */
	public static Optional<FhirRequest> of(String method, String path, Map<String, List<String>> parameters) {
		String[] segments = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
		if (segments.length == 0 || !TYPE.matcher(segments[0]).matches()) {
			return Optional.empty();
		}
		String type = segments[0];
		return switch (segments.length) {
			case 1 -> switch (method) {
				case "GET", "HEAD" -> search(type, null, parameters);
				case "POST" -> Optional.of(new FhirRequest(Interaction.CREATE, type, null, null, Map.of()));
				default -> Optional.empty();
			};
			case 2 -> (segments[1].equals("_search") && method.equals("POST")) ? search(type, null, parameters)
					: onInstance(method, type, segments[1]);
			case 3 -> compartmentSearch(method, type, segments[1], segments[2], parameters);
			case 4 -> (segments[2].equals("_history") && isReading(method) && ID.matcher(segments[1]).matches()
					&& ID.matcher(segments[3]).matches())
							? Optional.of(new FhirRequest(Interaction.READ, type, segments[1], null, Map.of()))
							: Optional.empty();
			default -> Optional.empty();
		};
	}

	private static Optional<FhirRequest> onInstance(String method, String type, String id) {
		if (!ID.matcher(id).matches()) {
			return Optional.empty();
		}
		Interaction interaction = switch (method) {
			case "GET", "HEAD" -> Interaction.READ;
			case "PUT", "PATCH" -> Interaction.UPDATE;
			case "DELETE" -> Interaction.DELETE;
			default -> null;
		};
		return Optional.ofNullable(interaction).map((known) -> new FhirRequest(known, type, id, null, Map.of()));
	}

	private static Optional<FhirRequest> compartmentSearch(String method, String compartment, String id, String type,
			Map<String, List<String>> parameters) {
		if (type.equals("_history") && isReading(method) && ID.matcher(id).matches()) {
			return Optional.of(new FhirRequest(Interaction.READ, compartment, id, null, Map.of()));
		}
		if (!compartment.equals("Patient") || !isReading(method) || !ID.matcher(id).matches()
				|| !TYPE.matcher(type).matches()) {
			return Optional.empty();
		}
		return search(type, id, parameters);
	}

	private static Optional<FhirRequest> search(String type, @Nullable String compartmentPatient,
			Map<String, List<String>> parameters) {
		return Optional.of(new FhirRequest(Interaction.SEARCH, type, null, compartmentPatient, parameters));
	}

	private static boolean isReading(String method) {
		return method.equals("GET") || method.equals("HEAD");
	}

	/**
	 * FHIR interactions by the SMART v2 permission that allows them.
	 */
	public enum Interaction {

		CREATE('c'), READ('r'), UPDATE('u'), DELETE('d'), SEARCH('s');

		private final char permission;

		Interaction(char permission) {
			this.permission = permission;
		}

		public char permission() {
			return this.permission;
		}

	}

}
