package io.latchkey.bench;

import java.util.List;

/**
 * The scenarios by name.
 */
final class Scenarios {

	static final List<String> NAMES = List.of("client_credentials", "jwks", "introspection", "refresh",
			"authorization_code");

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
