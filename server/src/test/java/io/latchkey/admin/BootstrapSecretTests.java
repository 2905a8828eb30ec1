package io.latchkey.admin;

import io.latchkey.LatchkeyApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A client secret given by configuration can be guessed online, so a short one stops the
 * server at start-up, with a message that says what to do.
 */
class BootstrapSecretTests {

	@Test
	void aConfiguredClientSecretShorterThan32CharactersStopsTheServer() {
		Throwable failure = catchThrowable(() -> SpringApplication
			.run(LatchkeyApplication.class, "--spring.profiles.active=test", "--server.port=0",
					"--spring.datasource.url=jdbc:h2:mem:short-secret;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
							+ "DEFAULT_NULL_ORDERING=HIGH",
					"--latchkey.data-dir=target/short-secret-test", "--latchkey.bootstrap.admin-client-secret=tooshort",
					"--latchkey.bootstrap.admin-password=a long enough admin password")
			.close());

		assertThat(failure).isNotNull();
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.hasMessageContaining("latchkey.bootstrap.admin-client-secret")
			.hasMessageContaining("at least 32 characters");
	}

}
