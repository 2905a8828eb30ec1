package io.latchkey.resource;

import java.util.Optional;

/**
 * Tells the kit whose patient compartment a resource is in, so that a token for one
 * patient reads only that patient's resources. The FHIR server provides it, since only it
 * knows its resources.
 */
@FunctionalInterface
public interface PatientCompartment {

	/** Knows no resource: under patient scopes only {@code Patient} itself is read. */
	PatientCompartment NONE = (resourceType, id) -> Optional.empty();

	/**
	 * The id of the patient whose compartment holds the resource; empty when the resource
	 * does not exist or is in no patient's compartment, and is then refused to patient
	 * scopes.
	 */
	Optional<String> patientOf(String resourceType, String id);

}
