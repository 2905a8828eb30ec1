package io.latchkey.resource;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMART scope grammar as tokens carry it, and which interactions a scope allows.
 */
class SmartScopeTests {

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "patient/*.read; patient; *; rs", "user/Observation.write; user; Observation; cud",
					"system/*.*; system; *; cruds", "patient/Observation.rs; patient; Observation; rs",
					"user/*.cruds; user; *; cruds", "patient/Patient.r; patient; Patient; r" })
	void parsesV1AndV2Scopes(String scope, String context, String type, String permissions) {
		assertThat(SmartScope.parse(scope)).contains(new SmartScope(context, type, permissions, List.of()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "openid", "launch/patient", "offline_access", "patient/*.sr", "patient/*.rr",
					"patient/observation.rs", "patient/*.", "patient/*.read?category=x", "doctor/*.rs",
					"patient/Observation.rs?category", "patient/Observation.rs?=x", "patient/Observation.rs?a=b&" })
	void grantsNothingForScopesOutsideTheGrammar(String scope) {
		assertThat(SmartScope.parse(scope)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {
			// scope; method; path; query (name=value, & separated); allowed
			"patient/*.rs; GET; /Observation/o1; ; true", "patient/*.rs; GET; /Observation; patient=p; true",
			"patient/*.rs; POST; /Observation; ; false", "patient/*.rs; PUT; /Observation/o1; ; false",
			"patient/*.rs; DELETE; /Observation/o1; ; false", "patient/*.read; GET; /Patient/p/_history/2; ; true",
			"patient/*.r; GET; /Observation; patient=p; false", "patient/*.s; GET; /Observation/o1; ; false",
			"patient/Patient.rs; GET; /Observation/o1; ; false", "user/*.cud; POST; /Observation; ; true",
			"user/*.write; PATCH; /Observation/o1; ; true", "user/*.write; DELETE; /Observation/o1; ; true",
			"patient/*.rs; POST; /Observation/_search; patient=p; true",
			"patient/Observation.rs?category=vital-signs; GET; /Observation; category=vital-signs&patient=p; true",
			"patient/Observation.rs?category=vital-signs; GET; /Observation; category=laboratory&patient=p; false",
			"patient/Observation.rs?category=vital-signs; GET; /Observation; patient=p; false",
			"patient/Observation.rs?category=vital-signs; GET; /Observation/o1; ; false" })
	void allowsTheInteractionsOfItsPermissions(String scope, String method, String path, String query,
			boolean allowed) {
		FhirRequest request = FhirRequest.of(method, path, parameters(query)).orElseThrow();

		assertThat(SmartScope.parse(scope).orElseThrow().allows(request)).isEqualTo(allowed);
	}

	static Map<String, List<String>> parameters(String query) {
		Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				String[] parts = pair.split("=", 2);
				parameters.computeIfAbsent(parts[0], (name) -> new java.util.ArrayList<>()).add(parts[1]);
			}
		}
		return parameters;
	}

}
