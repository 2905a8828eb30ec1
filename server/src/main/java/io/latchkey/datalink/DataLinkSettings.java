package io.latchkey.datalink;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Rules for data links ({@code latchkey.data-links.*}).
 *
 * @param defaultTtl how long a link stays usable when the request names no
 * {@code expires_in}
 * @param maxTtl the longest {@code expires_in} accepted
 * @param leaseTtl how long a lease lasts after the factor is passed; at most 15 minutes
 * @param maxPayloadSize the largest payload, schema or answer accepted
 * @param pinDigits how many digits a generated PIN has (6 to 8)
 * @param dateLocale how dates of birth are read: the order of day and month in
 * {@code 02/04/1980} and the language of month names
 * @param otpTtl how long an emailed one-time code is valid
 * @param webhooks where each tenant's answers are posted; only these URLs are ever called
 * @param webhookPollInterval how often a node looks for webhook deliveries that are due
 * @param webhookRetryInitial the wait after the first failed delivery; it doubles with
 * each failure
 * @param webhookRetryMax the longest wait between attempts
 * @param webhookMaxAttempts attempts before a delivery is given up (and audited)
 * @param retention how long after expiry links, their history and answers are kept
 * @param cleanupInterval how often links past retention are deleted
 */
@ConfigurationProperties("latchkey.data-links")
record DataLinkSettings(Duration defaultTtl, Duration maxTtl, Duration leaseTtl, DataSize maxPayloadSize,
		Integer pinDigits, Locale dateLocale, Duration otpTtl, Map<String, Webhook> webhooks,
		Duration webhookPollInterval, Duration webhookRetryInitial, Duration webhookRetryMax,
		Integer webhookMaxAttempts, Duration retention, Duration cleanupInterval) {

	DataLinkSettings {
		defaultTtl = (defaultTtl != null) ? defaultTtl : Duration.ofDays(7);
		maxTtl = (maxTtl != null) ? maxTtl : Duration.ofDays(90);
		leaseTtl = (leaseTtl != null) ? leaseTtl : Duration.ofMinutes(10);
		maxPayloadSize = (maxPayloadSize != null) ? maxPayloadSize : DataSize.ofKilobytes(256);
		pinDigits = (pinDigits != null) ? pinDigits : 6;
		dateLocale = (dateLocale != null) ? dateLocale : Locale.UK;
		otpTtl = (otpTtl != null) ? otpTtl : Duration.ofMinutes(10);
		webhooks = (webhooks != null) ? Map.copyOf(webhooks) : Map.of();
		webhookPollInterval = (webhookPollInterval != null) ? webhookPollInterval : Duration.ofSeconds(5);
		webhookRetryInitial = (webhookRetryInitial != null) ? webhookRetryInitial : Duration.ofSeconds(10);
		webhookRetryMax = (webhookRetryMax != null) ? webhookRetryMax : Duration.ofHours(1);
		webhookMaxAttempts = (webhookMaxAttempts != null) ? webhookMaxAttempts : 25;
		retention = (retention != null) ? retention : Duration.ofDays(90);
		cleanupInterval = (cleanupInterval != null) ? cleanupInterval : Duration.ofHours(1);
		if (defaultTtl.isNegative() || defaultTtl.isZero() || defaultTtl.compareTo(maxTtl) > 0) {
			throw new IllegalArgumentException("latchkey.data-links.default-ttl must be positive and at most max-ttl");
		}
		if (leaseTtl.isNegative() || leaseTtl.isZero() || leaseTtl.compareTo(Duration.ofMinutes(15)) > 0) {
			throw new IllegalArgumentException("latchkey.data-links.lease-ttl must be positive and at most PT15M");
		}
		webhooks.forEach((tenant, webhook) -> {
			String scheme = webhook.url().getScheme();
			if (!webhook.url().isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))) {
				throw new IllegalArgumentException(
						"latchkey.data-links.webhooks." + tenant + ".url must be an http(s) URL");
			}
			if (webhook.secret().length() < 16) {
				throw new IllegalArgumentException(
						"latchkey.data-links.webhooks." + tenant + ".secret must have at least 16 characters");
			}
		});
		if (pinDigits < 6 || pinDigits > 8) {
			throw new IllegalArgumentException("latchkey.data-links.pin-digits must be between 6 and 8");
		}
	}

	/**
	 * One tenant's webhook.
	 *
	 * @param url where answers are posted
	 * @param secret the HMAC-SHA256 key of the {@code Latchkey-Signature} header
	 */
	record Webhook(URI url, String secret) {

		@Override
		public String toString() {
			return "Webhook[" + this.url + "]";
		}

	}

}
