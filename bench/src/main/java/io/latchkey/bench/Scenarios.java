package io.latchkey.bench;

import java.util.List;

/**
 * The scenarios by name.
 */
final class Scenarios {

	// client_credentials runs last by default: every grant leaves an
	// authorization behind, which would otherwise slow the lookups measured
	// after it on a store that scans.
	static final List<String> NAMES = List.of("jwks", "introspection", "refresh", "authorization_code",
			"client_credentials");

	private Scenarios() {
	}

	static Scenario named(String name, Target target) {
		return switch (name) {
			case "client_credentials" -> new ClientCredentialsScenario(target);
			case "jwks" -> new JwksScenario(target);
			case "introspection" -> new IntrospectionScenario(target);
			case "refresh" -> new RefreshScenario(target);
			case "authorization_code" -> new AuthorizationCodeScenario(target);
			default -> throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: " + NAMES);
		};
	}

}
