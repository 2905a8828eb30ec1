package io.latchkey.datalink;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import io.latchkey.datalink.DataLinkSettings.Webhook;
import io.latchkey.shared.KeyedHash;
import io.latchkey.shared.MasterKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries, every {@code webhook-poll-interval}: a JSON POST to the
 * tenant's configured URL with {@code Idempotency-Key} (the delivery's id, the same on
 * every attempt) and {@code Latchkey-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of
 * "t.body">}. A 2xx answer ends it; anything else is retried with doubling waits up to
 * {@code webhook-retry-max}, until {@code webhook-max-attempts}.
 */
@Component
class WebhookSender implements SchedulingConfigurer {

	static final String SIGNATURE = "Latchkey-Signature";

	private static final Log logger = LogFactory.getLog(WebhookSender.class);

	/** How long a claimed delivery waits before another node may try it. */
	private static final Duration CLAIM = Duration.ofMinutes(2);

	private final WebhookOutbox outbox;

	private final MasterKey masterKey;

	private final DataLinkSettings settings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	WebhookSender(WebhookOutbox outbox, MasterKey masterKey, DataLinkSettings settings,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.outbox = outbox;
		this.masterKey = masterKey;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!this.settings.webhooks().isEmpty()) {
			registrar.addFixedDelayTask(this::sendDue, this.settings.webhookPollInterval());
		}
	}

	void sendDue() {
		try {
			for (WebhookOutbox.Due due : this.outbox.due(this.settings.webhooks().keySet(), this.clock.instant(), 20)) {
				Instant now = this.clock.instant();
				if (this.outbox.claim(due, now.plus(CLAIM))) {
					send(due, this.settings.webhooks().get(due.tenant()));
				}
			}
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			logger.warn("Webhook deliveries could not be read: " + ex.getClass().getSimpleName());
		}
	}

	private void send(WebhookOutbox.Due due, Webhook webhook) {
		int attempt = due.attempts() + 1;
		byte[] body = this.masterKey.decrypt(due.sealedBody());
		long timestamp = this.clock.instant().getEpochSecond();
		String error;
		try {
			HttpResponse<Void> response = this.client.send(HttpRequest.newBuilder(webhook.url())
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", due.id().toString())
				.header("Latchkey-Event", "data-link.submitted")
				.header(SIGNATURE, "t=" + timestamp + ",v1=" + sign(webhook.secret(), timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 == 2) {
				Instant now = this.clock.instant();
				this.transactions.executeWithoutResult((status) -> {
					this.outbox.delivered(due.id(), now);
					this.events.publishEvent(new DataLinkWebhookDelivered(due.linkId(), due.tenant(), attempt, now));
				});
				return;
			}
			error = "HTTP " + response.statusCode();
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		retryLater(due, attempt, error);
	}

	private void retryLater(WebhookOutbox.Due due, int attempt, String error) {
		Instant now = this.clock.instant();
		if (attempt >= this.settings.webhookMaxAttempts()) {
			this.transactions.executeWithoutResult((status) -> {
				this.outbox.failedAttempt(due.id(), error, now, now);
				this.events.publishEvent(new DataLinkWebhookFailed(due.linkId(), due.tenant(), attempt, error, now));
			});
			return;
		}
		this.outbox.failedAttempt(due.id(), error, now.plus(backOff(attempt)), null);
	}

	private Duration backOff(int attempt) {
		Duration wait = this.settings.webhookRetryInitial().multipliedBy(1L << Math.min(attempt - 1, 20));
		return (wait.compareTo(this.settings.webhookRetryMax()) > 0) ? this.settings.webhookRetryMax() : wait;
	}

	static String sign(String secret, long timestamp, byte[] body) {
		byte[] signature = KeyedHash.withKey(secret.getBytes(StandardCharsets.UTF_8))
			.bytes((timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
		return HexFormat.of().formatHex(signature);
	}

}
