package io.latchkey;

import io.latchkey.audit.AuditCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Latchkey: an authorization server for patient-facing health-data apps.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LatchkeyApplication {

	public static void main(String[] args) {
		if (AuditCommand.matches(args)) {
			System.exit(AuditCommand.run(System.out, args));
		}
		SpringApplication.run(LatchkeyApplication.class, args);
	}

}
