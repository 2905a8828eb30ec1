package io.latchkey.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.latchkey.cli.OAuthHttp.Answer;

/**
 * Polls the token endpoint for a device code as RFC 8628 §3.4–3.5 asks: waits the
 * interval before each request, adds five seconds on every {@code slow_down} and keeps
 * that, and stops on approval, denial, expiry or any other error.
 */
final class DevicePoller {

	static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

	private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

	private final OAuthHttp http;

	private final String clientId;

	private final String deviceCode;

	private final Instant deadline;

	private Duration interval;

	DevicePoller(OAuthHttp http, String clientId, String deviceCode, Duration interval, Instant deadline) {
		this.http = http;
		this.clientId = clientId;
		this.deviceCode = deviceCode;
		this.interval = interval;
		this.deadline = deadline;
	}

	/** The successful token response; anything else ends in a {@link CliException}. */
	Answer poll() {
		while (true) {
			sleep(this.interval);
			Answer answer = this.http.post("/oauth2/token",
					Map.of("grant_type", GRANT_TYPE, "device_code", this.deviceCode, "client_id", this.clientId));
			if (answer.status() == 200) {
				return answer;
			}
			switch (answer.error()) {
				case "authorization_pending" -> {
					if (Instant.now().isAfter(this.deadline)) {
						throw new CliException("the code expired before it was approved; run login again",
								Latchkey.REFUSED);
					}
				}
				case "slow_down" -> this.interval = this.interval.plus(SLOW_DOWN_STEP);
				case "access_denied" -> throw new CliException("the request was denied", Latchkey.REFUSED);
				case "expired_token" -> throw new CliException(
						"the code expired before it was approved; run login again", Latchkey.REFUSED);
				default -> throw new CliException("the server refused: " + answer.error(), Latchkey.REFUSED);
			}
		}
	}

	Duration interval() {
		return this.interval;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("interrupted", Latchkey.FAILED);
		}
	}

}
