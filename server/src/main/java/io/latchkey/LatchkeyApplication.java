package io.latchkey;

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
		SpringApplication.run(LatchkeyApplication.class, args);
	}

}
