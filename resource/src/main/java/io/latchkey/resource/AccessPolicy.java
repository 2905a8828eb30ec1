package io.latchkey.resource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a token's SMART scopes allow a FHIR request: some scope must allow the
 * interaction on the resource type, and a {@code patient/} scope only within the
 * compartment of the token's {@code patient} (SMART App Launch 2, scopes and launch
 * context).
 */
final class AccessPolicy {

	/** Search parameters that name the patient of a compartment resource. */
	private static final Set<String> PATIENT_PARAMETERS = Set.of("patient", "subject");

	private final PatientCompartment compartment;

	AccessPolicy(PatientCompartment compartment) {
		this.compartment = compartment;
	}

	boolean allows(VerifiedAccessToken token, FhirRequest request) {
		for (SmartScope scope : token.scopes()) {
			if (!scope.allows(request)) {
				continue;
			}
			if (!scope.patientContext()) {
				return true;
			}
			if (token.patient() != null && inCompartment(request, token.patient())) {
				return true;
			}
		}
		return false;
	}

	private boolean inCompartment(FhirRequest request, String patient) {
		return switch (request.interaction()) {
			case SEARCH -> searchesOnly(request, patient);
			case READ, UPDATE,
					DELETE ->
				request.resourceType().equals("Patient") ? patient.equals(request.id())
						: this.compartment.patientOf(request.resourceType(), request.id())
							.map(patient::equals)
							.orElse(false);
			// The body is not read here, so what a new resource belongs to is unknown.
			case CREATE -> false;
		};
	}

	/**
	 * A search stays in the compartment when it names the patient in every parameter that
	 * could name one, and names one at all; chained parameters could reach past it.
	 */
	private static boolean searchesOnly(FhirRequest request, String patient) {
		if (request.compartmentPatient() != null) {
			return patient.equals(request.compartmentPatient()) && namesOnly(request.parameters(), patient);
		}
		if (request.resourceType().equals("Patient")) {
			List<String> ids = request.parameters().getOrDefault("_id", List.of());
			return !ids.isEmpty() && ids.stream().allMatch((value) -> allAre(value, patient))
					&& namesOnly(request.parameters(), patient);
		}
		boolean named = request.parameters()
			.keySet()
			.stream()
			.anyMatch((name) -> PATIENT_PARAMETERS.contains(baseName(name)));
		return named && namesOnly(request.parameters(), patient);
	}

	private static boolean namesOnly(Map<String, List<String>> parameters, String patient) {
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (name.startsWith("_has") || name.contains(".")) {
				return false;
			}
			if (PATIENT_PARAMETERS.contains(baseName(name))
					&& !parameter.getValue().stream().allMatch((value) -> allAre(value, patient))) {
				return false;
			}
		}
		return true;
	}

	/** A search value may list several references, any of which matches (FHIR search). */
	private static boolean allAre(String value, String patient) {
		for (String reference : value.split(",", -1)) {
			if (!patient.equals(patientId(reference))) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String patientId(String reference) {
		if (!reference.contains("/")) {
			return reference;
		}
		int at = reference.lastIndexOf("/Patient/");
		if (reference.startsWith("Patient/")) {
			return reference.substring("Patient/".length());
		}
		return (at >= 0 && (reference.startsWith("http://") || reference.startsWith("https://")))
				? reference.substring(at + "/Patient/".length()) : null;
	}

	private static String baseName(String name) {
		int colon = name.indexOf(':');
		return (colon >= 0) ? name.substring(0, colon) : name;
	}

}
