package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;

/**
 * An answer could not be delivered to its tenant's webhook after the last attempt; it
 * stays readable through the admin API.
 */
public record DataLinkWebhookFailed(UUID linkId, String tenant, int attempts, String error,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.webhook-failed";
	}

	@Override
	public String subject() {
		return this.linkId.toString();
	}

	@Override
	public boolean auditFailure() {
		return true;
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("tenant", this.tenant, "attempts", this.attempts, "error", this.error);
	}

}
