package io.latchkey;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

/**
 * Each top-level package is a feature module that uses only the modules its
 * {@code package-info.java} allows, and only their top-level (API) types.
 */
class ModularityTests {

	/**
	 * The reactor's other artifacts, which the tests put on the class path: they are no
	 * modules of the server, and Maven keeps their boundaries.
	 */
	private static final DescribedPredicate<JavaClass> OTHER_ARTIFACTS = resideInAnyPackage("io.latchkey.cli..",
			"io.latchkey.client..", "io.latchkey.resource..", "io.latchkey.fhirdemo..", "io.latchkey.bench..");

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(LatchkeyApplication.class, OTHER_ARTIFACTS).verify();
	}

}
