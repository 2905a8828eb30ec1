package io.latchkey.web;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With management on a port of its own, that port serves metrics to the scraper the
 * operator lets reach it, while the public port serves none. Its context is closed after
 * the class, so it holds no database connections.
 */
@DirtiesContext
class ManagementPortTests extends ServerTestSupport {

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void managementPort(DynamicPropertyRegistry registry) {
		registry.add("management.server.port", () -> "0");
	}

	@Test
	void metricsAreServedOnTheManagementPortOnly() {
		TestHttp management = new TestHttp("http://localhost:" + this.managementPort);

		assertThat(this.managementPort).isNotEqualTo(this.port);
		assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
		assertThat(management.get("/actuator/prometheus").body()).contains("jvm_");
		assertThat(this.http.get("/actuator/prometheus").status()).isIn(401, 404);
		assertThat(this.http.get("/v3/api-docs").status()).isEqualTo(401);
	}

}
