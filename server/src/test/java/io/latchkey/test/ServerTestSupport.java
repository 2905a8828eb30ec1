package io.latchkey.test;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of end-to-end tests: the server runs on a random port on the test database, with
 * known bootstrap secrets; {@link #http} talks to it over real HTTP.
 */
@IntegrationTest
public abstract class ServerTestSupport {

	public static final String ADMIN_PASSWORD = "admin-password-for-tests";

	public static final String ADMIN_CLIENT_SECRET = "admin-client-secret-for-tests-0123456789";

	@LocalServerPort
	protected int port;

	protected TestHttp http;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		registry.add("latchkey.bootstrap.admin-password", () -> ADMIN_PASSWORD);
		registry.add("latchkey.bootstrap.admin-client-secret", () -> ADMIN_CLIENT_SECRET);
		registry.add("latchkey.bootstrap.demo-client", () -> "true");
	}

	@BeforeEach
	void startClient() {
		this.http = new TestHttp("http://localhost:" + this.port);
	}

	/** A {@code latchkey:admin} access token from the bootstrap admin client. */
	protected String adminToken() {
		return this.http.clientCredentialsToken("latchkey-admin", ADMIN_CLIENT_SECRET, "latchkey:admin");
	}

}
