package io.latchkey.invitation;

import java.util.List;

/**
 * A new invitation with its link, which holds the secret and exists only in this answer
 * and the delivered messages.
 */
record CreatedInvitation(Invitation invitation, String link, List<Delivery> deliveries) {

	@Override
	public String toString() {
		return "CreatedInvitation[" + this.invitation.id() + "]";
	}

	/**
	 * How one message went: {@code route} is {@code smtp}, {@code sms-gateway},
	 * {@code outbox} or {@code failed}.
	 */
	record Delivery(String channel, String route) {

	}

}
