package io.latchkey;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a feature module that uses only the modules its
 * {@code package-info.java} allows, and only their top-level (API) types.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(LatchkeyApplication.class).verify();
	}

}
