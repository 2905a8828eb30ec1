package io.latchkey.web;

import io.latchkey.test.ServerTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator who sets {@code latchkey.operations.public-metadata=true} opens metrics and
 * the API description to anyone. Its context is closed after the class, so it holds no
 * database connections.
 */
@DirtiesContext
class PublicMetadataTests extends ServerTestSupport {

	@DynamicPropertySource
	static void publicMetadata(DynamicPropertyRegistry registry) {
		registry.add("latchkey.operations.public-metadata", () -> "true");
	}

	@Test
	void metricsAndTheApiDescriptionAreOpen() {
		for (String path : MetadataAccessTests.METADATA) {
			assertThat(this.http.get(path).status()).as(path).isIn(200, 302);
		}
		assertThat(this.http.get("/actuator/prometheus").body()).contains("http_server_requests_seconds");
		assertThat(this.http.get("/api/admin/users/" + java.util.UUID.randomUUID()).status()).isEqualTo(401);
	}

}
