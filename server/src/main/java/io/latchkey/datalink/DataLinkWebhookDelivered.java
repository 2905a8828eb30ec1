package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;

/**
 * An answer reached its tenant's webhook.
 */
public record DataLinkWebhookDelivered(UUID linkId, String tenant, int attempts, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.webhook-delivered";
	}

	@Override
	public String subject() {
		return this.linkId.toString();
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("tenant", this.tenant, "attempts", this.attempts);
	}

}
