package io.latchkey.resource;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient compartment: a token for patient {@code p} reaches {@code p}'s resources
 * and no one else's, however the request names them.
 */
class AccessPolicyTests {

	/** o1 is p's, o2 is q's, m1 is in no patient's compartment. */
	private static final PatientCompartment COMPARTMENT = (type, id) -> switch (id) {
		case "o1" -> Optional.of("p");
		case "o2" -> Optional.of("q");
		default -> Optional.empty();
	};

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {
			// scopes; method; path; query; allowed
			"patient/*.rs; GET; /Patient/p; ; true", "patient/*.rs; GET; /Patient/q; ; false",
			"patient/*.rs; GET; /Observation/o1; ; true", "patient/*.rs; GET; /Observation/o2; ; false",
			"patient/*.rs; GET; /Medication/m1; ; false", "patient/*.rs; GET; /Observation; patient=p; true",
			"patient/*.rs; GET; /Observation; patient=Patient/p; true",
			"patient/*.rs; GET; /Observation; subject=https://fhir.example/r4/Patient/p; true",
			"patient/*.rs; GET; /Observation; patient=q; false", "patient/*.rs; GET; /Observation; patient=p,q; false",
			"patient/*.rs; GET; /Observation; patient=p&subject=q; false",
			"patient/*.rs; GET; /Observation; subject:Patient=q&patient=p; false",
			"patient/*.rs; GET; /Observation; patient=p&patient.name=x; false",
			"patient/*.rs; GET; /Observation; patient=p&_has:Group:member:_id=g; false",
			"patient/*.rs; GET; /Observation; code=c; false", "patient/*.rs; GET; /Observation; subject=Group/g; false",
			"patient/*.rs; GET; /Patient; _id=p; true", "patient/*.rs; GET; /Patient; _id=q; false",
			"patient/*.rs; GET; /Patient; name=x; false", "patient/*.rs; GET; /Patient/p/Observation; ; true",
			"patient/*.rs; GET; /Patient/q/Observation; ; false",
			"patient/*.rs; GET; /Patient/p/Observation; patient=q; false",
			"patient/*.cruds; POST; /Observation; ; false", "patient/*.cruds; PUT; /Observation/o1; ; true",
			"patient/*.cruds; DELETE; /Observation/o2; ; false", "user/*.rs; GET; /Observation/o2; ; true",
			"user/*.rs; GET; /Observation; code=c; true",
			"patient/*.rs user/Observation.rs; GET; /Observation/o2; ; true",
			"patient/Patient.rs user/Observation.r; GET; /Patient/q; ; false" })
	void keepsPatientScopesInTheTokensCompartment(String scopes, String method, String path, String query,
			boolean allowed) {
		VerifiedAccessToken token = new VerifiedAccessToken("sub", "app", scopes, SmartScope.parseAll(scopes), "p",
				Instant.now(), Map.of());
		FhirRequest request = FhirRequest.of(method, path, SmartScopeTests.parameters(query)).orElseThrow();

		assertThat(new AccessPolicy(COMPARTMENT).allows(token, request)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "GET; /Patient/p", "GET; /Observation; patient=p" })
	void patientScopesWithoutAPatientGrantNothing(String method, String path) {
		VerifiedAccessToken token = new VerifiedAccessToken("sub", "app", "patient/*.rs",
				SmartScope.parseAll("patient/*.rs"), null, Instant.now(), Map.of());
		FhirRequest request = FhirRequest.of(method, path, SmartScopeTests.parameters("patient=p")).orElseThrow();

		assertThat(new AccessPolicy(COMPARTMENT).allows(token, request)).isFalse();
	}

}
