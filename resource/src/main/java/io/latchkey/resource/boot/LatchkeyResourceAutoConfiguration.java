package io.latchkey.resource.boot;

import java.time.Clock;

import io.latchkey.resource.LatchkeyResourceFilter;
import io.latchkey.resource.PatientCompartment;
import io.latchkey.resource.ResourceServerSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers {@link LatchkeyResourceFilter} in front of the FHIR base of a servlet
 * application once {@code latchkey.resource.fhir-base-url} is set. The application
 * provides a {@link PatientCompartment} bean (without one, patient scopes reach only
 * {@code Patient} itself) and may provide a {@link Clock}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "latchkey.resource", name = "fhir-base-url")
@EnableConfigurationProperties(LatchkeyResourceProperties.class)
public class LatchkeyResourceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LatchkeyResourceFilter latchkeyResourceFilter(LatchkeyResourceProperties properties,
			ObjectProvider<PatientCompartment> compartment, ObjectProvider<Clock> clock) {
		return new LatchkeyResourceFilter(properties.settings(),
				compartment.getIfAvailable(() -> PatientCompartment.NONE), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	FilterRegistrationBean<LatchkeyResourceFilter> latchkeyResourceFilterRegistration(LatchkeyResourceFilter filter,
			LatchkeyResourceProperties properties) {
		FilterRegistrationBean<LatchkeyResourceFilter> registration = new FilterRegistrationBean<>(filter);
		ResourceServerSettings settings = properties.settings();
		registration.addUrlPatterns(settings.basePath() + "/*");
		// Before anything that reads the request on the application's behalf.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
