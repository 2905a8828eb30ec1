package io.latchkey.identity;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A patient a person may act for in SMART apps.
 *
 * @param patient the FHIR Patient id
 * @param label how the person knows the patient (a child's first name), shown on the
 * patient picker; none for the person's own record
 * @param own whether it is the person's own record
 */
public record PatientInCare(String patient, @Nullable String label, boolean own) {

	private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

	/** Whether a value is a FHIR resource id. */
	public static boolean isFhirId(@Nullable String value) {
		return value != null && FHIR_ID.matcher(value).matches();
	}

}
