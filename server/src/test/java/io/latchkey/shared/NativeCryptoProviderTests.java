package io.latchkey.shared;

import java.security.Provider;
import java.security.Security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeCryptoProviderTests {

	@Test
	void providerWhoseLibraryDoesNotLoadLeavesTheJdksProviders() {
		Provider[] before = Security.getProviders();

		assertThat(NativeCryptoProvider.register(() -> {
			throw new UnsatisfiedLinkError("no native library for this platform");
		})).hasValueSatisfying((reason) -> assertThat(reason).contains("no native library"));
		assertThat(Security.getProviders()).containsExactly(before);
	}

}
