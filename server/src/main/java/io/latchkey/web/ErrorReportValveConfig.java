package io.latchkey.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link FormatAwareErrorReportValve} in place of Tomcat's error report, once every
 * other customization has added its own, so that no request Tomcat refuses gets its HTML
 * report.
 */
@Configuration(proxyBeanMethods = false)
class ErrorReportValveConfig {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> formatAwareErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.addLifecycleListener((event) -> {
					if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
						for (Valve valve : host.getPipeline().getValves()) {
							if (valve instanceof ErrorReportValve) {
								host.getPipeline().removeValve(valve);
							}
						}
						host.setErrorReportValveClass(FormatAwareErrorReportValve.class.getName());
					}
				});
			}
		});
	}

}
