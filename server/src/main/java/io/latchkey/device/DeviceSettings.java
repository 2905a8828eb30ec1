package io.latchkey.device;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the device flow.
 *
 * @param pollInterval the {@code interval} a device must wait between token requests (RFC
 * 8628 §3.2); whole seconds. The limit {@code device-poll} enforces it with
 * {@code slow_down}.
 */
@ConfigurationProperties("latchkey.device")
record DeviceSettings(Duration pollInterval) {

	DeviceSettings {
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(5);
		if (pollInterval.toSeconds() < 1 || pollInterval.toMillis() % 1000 != 0) {
			throw new IllegalArgumentException("latchkey.device.poll-interval must be a whole number of seconds");
		}
	}

}
