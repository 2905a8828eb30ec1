package io.latchkey.delivery;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How messages leave Latchkey. Email goes through SMTP when {@code spring.mail.host} is
 * set, SMS through the gateway when {@code sms.url} is set; otherwise a message goes to
 * the dev outbox if it is on (by default only with H2), and fails if not.
 *
 * @param emailFrom the sender address of emails
 * @param sms the SMS gateway
 * @param outbox the in-memory dev outbox
 */
@ConfigurationProperties("latchkey.delivery")
record DeliverySettings(String emailFrom, Sms sms, Outbox outbox) {

	DeliverySettings {
		emailFrom = (emailFrom != null) ? emailFrom : "latchkey@localhost";
		sms = (sms != null) ? sms : new Sms(null, null, null, null);
		outbox = (outbox != null) ? outbox : new Outbox(null, null);
	}

	/**
	 * An HTTP SMS gateway that takes {@code {"to","from","text"}} as JSON.
	 *
	 * @param url where to POST; unset means no gateway
	 * @param apiKey sent as a bearer token
	 * @param sender the {@code from} sent along, if the gateway needs one
	 * @param timeout how long to wait for the gateway
	 */
	record Sms(@Nullable URI url, @Nullable String apiKey, @Nullable String sender, Duration timeout) {

		Sms {
			timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		}

	}

	/**
	 * Messages kept in this node's memory for development, listed by
	 * {@code GET /api/admin/outbox}.
	 *
	 * @param enabled whether a message without a configured route goes here; unset means
	 * only on the embedded H2 database
	 * @param capacity how many of the newest messages are kept
	 */
	record Outbox(@Nullable Boolean enabled, Integer capacity) {

		Outbox {
			capacity = (capacity != null) ? capacity : 100;
			if (capacity < 1) {
				throw new IllegalArgumentException("latchkey.delivery.outbox.capacity must be positive");
			}
		}

	}

}
