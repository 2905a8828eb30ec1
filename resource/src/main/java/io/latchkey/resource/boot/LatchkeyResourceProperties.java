package io.latchkey.resource.boot;

import java.net.URI;
import java.time.Duration;

import io.latchkey.resource.ResourceServerSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the resource-server kit in a Spring Boot application.
 *
 * @param issuer the Latchkey issuer whose tokens count
 * @param fhirBaseUrl the FHIR base URL as apps see it; setting it turns the kit on
 * @param clockSkew how far issuer and FHIR server clocks may differ
 * @param jwksCacheTtl how long the issuer's keys are kept
 * @param metadataCacheTtl how long the issuer's SMART configuration is kept
 */
@ConfigurationProperties("latchkey.resource")
public record LatchkeyResourceProperties(URI issuer, URI fhirBaseUrl, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("5m") Duration jwksCacheTtl, @DefaultValue("5m") Duration metadataCacheTtl) {

	ResourceServerSettings settings() {
		return new ResourceServerSettings(this.issuer, this.fhirBaseUrl, this.clockSkew, this.jwksCacheTtl,
				this.metadataCacheTtl);
	}

}
