package io.latchkey.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.latchkey.identity.PatientInCare;
import io.latchkey.identity.PatientsInCare;
import io.latchkey.identity.UserAccount;
import io.latchkey.identity.UserAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for the patients a local account may act for besides its own (a parent for
 * their children): {@code /api/admin/users/{id}/patients}. SMART apps that ask for
 * {@code launch/patient} then let the person pick one of them.
 */
@RestController
@RequestMapping("/api/admin/users/{id}/patients")
class PatientsInCareController {

	private final PatientsInCare patients;

	private final UserAccounts users;

	PatientsInCareController(PatientsInCare patients, UserAccounts users) {
		this.patients = patients;
		this.users = users;
	}

	@GetMapping
	Map<String, Object> get(@PathVariable UUID id) {
		UserAccount user = this.users.findById(id).orElseThrow(() -> new NotFoundException("user"));
		return Map.of("patients", describe(this.patients.inCareOf(user.id())));
	}

	/** Replaces the list; an empty list leaves the person only their own record. */
	@PutMapping
	Map<String, Object> replace(@PathVariable UUID id, @Valid @RequestBody ReplacePatientsRequest request) {
		List<PatientInCare> wanted = request.patients()
			.stream()
			.map((patient) -> new PatientInCare(patient.patient(), patient.label(), false))
			.toList();
		if (wanted.stream().map(PatientInCare::patient).distinct().count() != wanted.size()) {
			throw new InvalidRequestException("patients must not repeat a patient");
		}
		return Map.of("patients",
				describe(this.patients.replace(id, wanted).orElseThrow(() -> new NotFoundException("user"))));
	}

	private static List<Map<String, @Nullable Object>> describe(List<PatientInCare> patients) {
		return patients.stream().map((patient) -> {
			Map<String, @Nullable Object> view = new LinkedHashMap<>();
			view.put("patient", patient.patient());
			view.put("label", patient.label());
			return view;
		}).toList();
	}

	/** The body of {@code PUT /api/admin/users/{id}/patients}. */
	record ReplacePatientsRequest(@NotNull(message = "is required (a list, may be empty)") @Size(
			max = PatientsInCare.MAX_PATIENTS, message = "may name at most " + PatientsInCare.MAX_PATIENTS
					+ " patients") @Nullable List<@NotNull(message = "must be objects") @Valid PatientEntry> patients) {

		@Override
		public List<PatientEntry> patients() {
			return (this.patients != null) ? this.patients : List.of();
		}

	}

	/** One patient in care. */
	record PatientEntry(
			@NotNull(message = FHIR_ID_RULE) @Pattern(regexp = "[A-Za-z0-9.-]{1,64}",
					message = FHIR_ID_RULE) @Nullable String patient,
			@Size(max = 200, message = "must have at most 200 characters") @Pattern(regexp = "[^\\p{Cntrl}]*",
					message = "must not contain control characters") @Nullable String label) {

		private static final String FHIR_ID_RULE = "must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .";

	}

}
