package io.latchkey.cluster;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What cluster tests share: the test's server is the first node, a subclass provides
 * another on the same database, and steps that go through the admin API of the first.
 */
abstract class ClusterTestSupport extends ServerTestSupport {

	static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

	static final String PASSWORD = "a long password for a cluster test";

	@Autowired
	JdbcClient jdbc;

	static final String NEEDS_POSTGRES = "a cluster shares one database server; the H2 of a test run is "
			+ "one JVM's memory, and on H2 each node keeps its rate limits to itself";

	@BeforeEach
	void onlyOnADatabaseServer() {
		assumeTrue(TestDatabase.isPostgres(), NEEDS_POSTGRES);
	}

	/** The node other than the test's own server. */
	abstract TestHttp other();

	/** The first node for even numbers, the other for odd ones. */
	TestHttp node(int i) {
		return (i % 2 == 0) ? this.http : other();
	}

	JsonNode adminPost(String path, Object body) {
		Response response = this.http.postJson(path, body, "Authorization", bearer(adminToken()));
		if (response.status() != 201) {
			throw new IllegalStateException(path + " answered " + response);
		}
		return response.json();
	}

	String person() {
		String username = "cluster-" + UUID.randomUUID();
		adminPost("/api/admin/users", Map.of("username", username, "password", PASSWORD, "roles", List.of("patient")));
		return username;
	}

	static boolean isActive(TestHttp node, String token) {
		Response response = node.postForm("/oauth2/introspect", params("token", token), "Authorization",
				basic("latchkey-admin", ADMIN_CLIENT_SECRET));
		if (response.status() != 200) {
			throw new IllegalStateException("introspection failed: " + response);
		}
		return response.json().get("active").asBoolean();
	}

}
