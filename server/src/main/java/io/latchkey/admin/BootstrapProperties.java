package io.latchkey.admin;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-start secrets. Left empty, they are generated and printed once.
 *
 * @param adminPassword password of the {@code admin} user
 * ({@code LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD})
 * @param adminClientSecret secret of the {@code latchkey-admin} client
 * ({@code LATCHKEY_BOOTSTRAP_ADMIN_CLIENT_SECRET})
 * @param demoClient whether to register the public {@code demo-app} client; by default
 * only on the embedded H2 database
 */
@ConfigurationProperties("latchkey.bootstrap")
record BootstrapProperties(@Nullable String adminPassword, @Nullable String adminClientSecret,
		@Nullable Boolean demoClient) {

}
