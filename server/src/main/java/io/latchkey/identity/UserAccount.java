package io.latchkey.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person who can sign in or be signed in for: staff, admins and patients.
 *
 * @param patient the FHIR Patient id when this person is a patient (SMART {@code patient}
 * context)
 */
public record UserAccount(UUID id, String username, @Nullable String passwordHash, @Nullable String email,
		@Nullable String phone, Set<String> roles, @Nullable String patient, boolean enabled, Instant createdAt) {

	/** The SMART {@code fhirUser} reference, when one is known. */
	public @Nullable String fhirUser() {
		return (this.patient != null) ? "Patient/" + this.patient : null;
	}

}
