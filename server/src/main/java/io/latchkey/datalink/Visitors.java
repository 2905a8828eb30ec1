package io.latchkey.datalink;

import java.util.List;

import io.latchkey.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who is at the other end of a request: the address through the trusted proxies the audit
 * log trusts, and the user agent, shortened.
 */
@Component
class Visitors {

	private final ClientAddress addresses;

	Visitors(Environment environment) {
		List<String> trustedProxies = Binder.get(environment)
			.bind("latchkey.audit.trusted-proxies", Bindable.listOf(String.class))
			.orElse(List.of());
		this.addresses = new ClientAddress(trustedProxies);
	}

	Visitor of(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return new Visitor(this.addresses.of(request),
				(agent != null && agent.length() > 200) ? agent.substring(0, 200) : agent);
	}

	/**
	 * The address and user agent of one request.
	 */
	record Visitor(String address, @Nullable String userAgent) {

	}

}
