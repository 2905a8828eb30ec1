package io.latchkey.datalink;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A data link was handed to a delivery route (SMTP, SMS gateway, dev outbox).
 */
public record DataLinkDelivered(UUID linkId, String channel, String route, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "data-link.delivered";
	}

	@Override
	public @Nullable String subject() {
		return this.linkId.toString();
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("channel", this.channel, "route", this.route);
	}

}
