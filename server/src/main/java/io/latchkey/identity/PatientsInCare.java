package io.latchkey.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom a person may act for in SMART apps: their own patient record, if they have one,
 * and the patients in their care (a parent's children), which an admin sets. Only local
 * accounts have patients in care.
 */
@Component
public class PatientsInCare {

	/** More than a family needs; keeps the picker a page. */
	public static final int MAX_PATIENTS = 50;

	private final UserAccounts users;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PatientsInCare(UserAccounts users, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Every patient a token subject may act for now: their own record first, then those
	 * in their care; empty for a disabled or unknown account and for directory people.
	 */
	public List<PatientInCare> forSubject(String subject) {
		Optional<UserAccount> account = this.users.findBySubject(subject).filter(UserAccount::enabled);
		if (account.isEmpty()) {
			return List.of();
		}
		List<PatientInCare> patients = new ArrayList<>();
		String own = account.get().patient();
		if (own != null) {
			patients.add(new PatientInCare(own, null, true));
		}
		inCareOf(account.get().id()).stream()
			.filter((patient) -> !patient.patient().equals(own))
			.forEach(patients::add);
		return List.copyOf(patients);
	}

	/** Whether a token subject may act for a patient now. */
	public boolean mayActFor(String subject, String patient) {
		return forSubject(subject).stream().anyMatch((candidate) -> candidate.patient().equals(patient));
	}

	/** The patients in an account's care, not its own record; empty for no account. */
	public List<PatientInCare> inCareOf(UUID id) {
		return this.jdbc.sql("SELECT patient, label FROM latchkey_patient_in_care WHERE user_id = ? ORDER BY patient")
			.param(id)
			.query((rs, row) -> new PatientInCare(rs.getString("patient"), rs.getString("label"), false))
			.list();
	}

	/**
	 * Replaces the patients in an account's care.
	 * @return the patients now in care, or empty when there is no such account
	 */
	@Transactional
	public Optional<List<PatientInCare>> replace(UUID id, List<PatientInCare> patients) {
		if (patients.size() > MAX_PATIENTS || !patients.stream().allMatch((p) -> PatientInCare.isFhirId(p.patient()))
				|| patients.stream().map(PatientInCare::patient).distinct().count() != patients.size()) {
			throw new IllegalArgumentException("patients must be distinct FHIR ids, at most " + MAX_PATIENTS);
		}
		if (this.users.findById(id).isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("DELETE FROM latchkey_patient_in_care WHERE user_id = ?").param(id).update();
		for (PatientInCare patient : patients) {
			this.jdbc.sql("INSERT INTO latchkey_patient_in_care (user_id, patient, label) VALUES (?, ?, ?)")
				.params(id, patient.patient(), patient.label())
				.update();
		}
		this.events.publishEvent(new PatientsInCareChanged(id, patients.stream().map(PatientInCare::patient).toList(),
				this.clock.instant()));
		return Optional.of(inCareOf(id));
	}

}
