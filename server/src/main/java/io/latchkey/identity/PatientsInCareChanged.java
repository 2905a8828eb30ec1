package io.latchkey.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;

/**
 * The patients a local account may act for besides its own were set.
 *
 * @param id the account's identifier, which is also its {@code sub}
 * @param patients the FHIR Patient ids now in the person's care
 * @param at when they were set
 */
public record PatientsInCareChanged(UUID id, List<String> patients, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "user.patients-in-care.changed";
	}

	@Override
	public String subject() {
		return this.id.toString();
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("patients", String.join(",", this.patients));
	}

}
