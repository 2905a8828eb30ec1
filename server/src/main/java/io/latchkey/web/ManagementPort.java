package io.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The port of the management server when it runs on its own
 * ({@code management.server.port}), learnt when that server starts; requests there come
 * from wherever the operator lets them, not from the public side.
 */
@Component
class ManagementPort {

	private static final String MANAGEMENT_NAMESPACE = "management";

	private volatile int port = -1;

	@EventListener
	void started(WebServerInitializedEvent event) {
		if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
			this.port = event.getWebServer().getPort();
		}
	}

	boolean received(HttpServletRequest request) {
		return this.port > 0 && request.getLocalPort() == this.port;
	}

}
