package io.latchkey.authorization;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMART App Launch scope grammar (v2, and v1 mapped to v2) and when a registered
 * scope allows a requested one.
 */
class SmartScopeTests {

	@ParameterizedTest(name = "{0} parses to {1}")
	@CsvSource(delimiter = ';', nullValues = "-",
			textBlock = """
					patient/*.rs; patient * rs -
					user/*.cruds; user * cruds -
					system/Patient.r; system Patient r -
					patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs; patient Observation rs category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs
					patient/Observation.s?category=laboratory&status=final; patient Observation s category=laboratory&status=final
					patient/*.read; patient * rs -
					user/Observation.write; user Observation cud -
					system/*.*; system * cruds -
					""")
	void validScopesParse(String scope, String expected) {
		SmartScope parsed = SmartScope.parse(scope).orElseThrow();

		String[] parts = expected.split(" ");
		assertThat(parsed.context()).isEqualTo(parts[0]);
		assertThat(parsed.resourceType()).isEqualTo(parts[1]);
		assertThat(parsed.permissions()).isEqualTo(parts[2]);
		assertThat(parsed.query()).isEqualTo("-".equals(parts[3]) ? null : parts[3]);
	}

	@ParameterizedTest(name = "{0} is invalid")
	@CsvSource(delimiter = ';', textBlock = """
			patient/*.sr
			patient/*.rr
			patient/*.x
			patient/*.
			patient/Observation
			patient/observation.rs
			patient/*.read?category=laboratory
			patient/Observation.rs?category
			patient/Observation.rs?category=a&
			patient/Observation.rs?code=a,b
			patient/Observation.rs?
			""")
	void invalidScopesDoNotParse(String scope) {
		assertThat(SmartScope.isResourceScope(scope)).isTrue();
		assertThat(SmartScope.parse(scope)).isEmpty();
		assertThat(SmartScopes.permits(Set.of("patient/*.cruds", scope), scope)).isFalse();
	}

	@ParameterizedTest(name = "registered {0}, requested {1}: {2}")
	@CsvSource(delimiter = ';',
			textBlock = """
					patient/*.rs; patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs; true
					patient/*.rs; patient/Observation.r; true
					patient/*.rs; patient/*.rs; true
					patient/*.read; patient/Patient.rs; true
					patient/*.rs; patient/*.read; true
					patient/*.cruds; user/*.write; false
					patient/*.rs; patient/Observation.cu; false
					patient/*.rs; patient/*.write; false
					patient/*.rs; user/*.rs; false
					patient/Patient.rs; patient/Observation.rs; false
					patient/Observation.rs?category=laboratory; patient/Observation.rs?category=laboratory; true
					patient/Observation.rs?category=laboratory; patient/Observation.rs?category=vital-signs; false
					patient/Observation.rs?category=laboratory; patient/Observation.rs; false
					openid; openid; true
					openid; profile; false
					launch/patient; launch/patient; true
					patient/*.rs; launch/patient; false
					""")
	void registeredScopeCoversRequestedOne(String registered, String requested, boolean allowed) {
		assertThat(SmartScopes.permits(Set.of(registered), requested)).isEqualTo(allowed);
	}

}
