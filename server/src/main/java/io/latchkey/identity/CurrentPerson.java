package io.latchkey.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The person behind a grant as their account is now, which is what new tokens say.
 *
 * @param subject the stable name ({@code sub}): a local account's id or a directory
 * entry's id
 * @param username the login name, shown as {@code preferred_username}
 * @param directory {@code local} or the directory's configured name
 * @param roles the person's roles now, sorted
 * @param patient the FHIR Patient id of a local patient account
 */
public record CurrentPerson(String subject, String username, String directory, List<String> roles,
		@Nullable String patient) {

	static CurrentPerson of(UserAccount account) {
		return new CurrentPerson(account.id().toString(), account.username(), SignedInPerson.LOCAL,
				account.roles().stream().sorted().toList(), account.patient());
	}

	/** The SMART {@code fhirUser} reference, when one is known. */
	public @Nullable String fhirUser() {
		return (this.patient != null) ? "Patient/" + this.patient : null;
	}

}
