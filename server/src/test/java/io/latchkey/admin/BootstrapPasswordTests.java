package io.latchkey.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A bootstrap admin password bcrypt cannot hash stops the start with a clear message.
 */
class BootstrapPasswordTests {

	@Test
	void aPasswordOverSeventyTwoBytesRefusesToStartWithoutEchoingIt() {
		String password = "ü".repeat(37);

		assertThatIllegalStateException()
			.isThrownBy(() -> new Bootstrap(null, null, new BootstrapProperties(password, null, null), null))
			.withMessageContaining("LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD")
			.withMessageContaining("72 bytes")
			.withMessageNotContaining(password);
	}

}
