package io.latchkey.admin;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.latchkey.LatchkeyApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script that waits for discovery or readiness and then asks for an admin token must
 * never be early: the first-start bootstrap is done before the web server takes its first
 * request.
 */
class BootstrapBeforeTrafficTests {

	@Test
	void adminClientExistsBeforeThePortOpens() {
		AtomicReference<Boolean> adminClientAtStart = new AtomicReference<>();
		ApplicationListener<WebServerInitializedEvent> probe = new ApplicationListener<>() {
			@Override
			public void onApplicationEvent(WebServerInitializedEvent event) {
				adminClientAtStart.set(event.getApplicationContext()
					.getBean(RegisteredClientRepository.class)
					.findByClientId(Bootstrap.ADMIN_CLIENT) != null);
			}
		};
		try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(LatchkeyApplication.class)
			.profiles("test")
			.listeners(probe)
			.properties("server.port=0",
					"spring.datasource.url=jdbc:h2:mem:bootstrap-" + UUID.randomUUID()
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"spring.datasource.username=sa", "spring.datasource.password=",
					"latchkey.bootstrap.admin-password=bootstrap-admin-password",
					"latchkey.bootstrap.admin-client-secret=bootstrap-admin-client-secret-0123456789")
			.run()) {
			assertThat(adminClientAtStart.get()).isTrue();
		}
	}

}
