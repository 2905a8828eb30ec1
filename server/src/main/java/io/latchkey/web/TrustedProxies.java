package io.latchkey.web;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The one place that decides a request's client address: Tomcat's {@link RemoteIpValve}
 * believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only
 * from a peer in {@code latchkey.web.trusted-proxies}, and then takes the right-most
 * address that is not such a proxy. Any valve configured otherwise (Tomcat's default
 * trusts every private range) is removed, so rate limits, audit records and pages all
 * read the same {@code getRemoteAddr()}.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

	private final WebSettings settings;

	TrustedProxies(WebSettings settings) {
		this.settings = settings;
	}

	@Override
	public void customize(TomcatWebServerFactory factory) {
		factory.setEngineValves(
				factory.getEngineValves().stream().filter((valve) -> !(valve instanceof RemoteIpValve)).toList());
		if (this.settings.trustedProxies().isEmpty()) {
			return;
		}
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(String.join(",", this.settings.trustedProxies()));
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setHostHeader("X-Forwarded-Host");
		valve.setPortHeader("X-Forwarded-Port");
		factory.addEngineValves(valve);
	}

	/** After Spring Boot's own customizer, which may have added a valve. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
