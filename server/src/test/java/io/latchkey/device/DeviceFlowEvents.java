package io.latchkey.device;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Collects the device flow's events as the audit log would receive them.
 */
@TestConfiguration(proxyBeanMethods = false)
class DeviceFlowEvents {

	final List<Object> received = new CopyOnWriteArrayList<>();

	@EventListener
	void on(DeviceCodeApproved event) {
		this.received.add(event);
	}

	@EventListener
	void on(DeviceCodeDenied event) {
		this.received.add(event);
	}

	@EventListener
	void on(UserCodeRejected event) {
		this.received.add(event);
	}

}
