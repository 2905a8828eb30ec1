package io.latchkey.invitation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.latchkey.shared.SecurityEvent;

/**
 * An invitation's message was handed to a route ({@code smtp}, {@code sms-gateway} or
 * {@code outbox}). Carries no secret and no address.
 */
public record InvitationDelivered(UUID invitationId, String channel, String route,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "invitation.delivered";
	}

	@Override
	public String subject() {
		return this.invitationId.toString();
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("channel", this.channel, "route", this.route);
	}

}
