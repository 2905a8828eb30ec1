package io.latchkey.admin;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-start secrets. Left empty, they are generated and printed once.
 *
 * @param adminPassword password of the {@code admin} user
 * ({@code LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD})
 * @param adminClientSecret secret of the {@code latchkey-admin} client
 * ({@code LATCHKEY_BOOTSTRAP_ADMIN_CLIENT_SECRET}); at least
 * {@value #MIN_CLIENT_SECRET_LENGTH} characters, or the server refuses to start
 * @param demoClient whether to register the public {@code demo-app} client; by default
 * only on the embedded H2 database
 */
@ConfigurationProperties("latchkey.bootstrap")
record BootstrapProperties(@Nullable String adminPassword, @Nullable String adminClientSecret,
		@Nullable Boolean demoClient) {

	/**
	 * A client secret can be guessed online, slowly; one chosen by a person must at least
	 * not be short. Generated secrets carry 256 bits.
	 */
	static final int MIN_CLIENT_SECRET_LENGTH = 32;

	BootstrapProperties {
		if (adminClientSecret != null && !adminClientSecret.isBlank()
				&& adminClientSecret.length() < MIN_CLIENT_SECRET_LENGTH) {
			throw new IllegalArgumentException("latchkey.bootstrap.admin-client-secret "
					+ "(LATCHKEY_BOOTSTRAP_ADMIN_CLIENT_SECRET) must be at least " + MIN_CLIENT_SECRET_LENGTH
					+ " characters; leave it empty to have one generated");
		}
	}

}
