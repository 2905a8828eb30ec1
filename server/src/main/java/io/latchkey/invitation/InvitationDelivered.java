package io.latchkey.invitation;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation's message was handed to a route ({@code smtp}, {@code sms-gateway} or
 * {@code outbox}). Carries no secret and no address.
 */
public record InvitationDelivered(UUID invitationId, String channel, String route, Instant at) {

}
