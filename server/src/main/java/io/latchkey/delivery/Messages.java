package io.latchkey.delivery;

import org.springframework.stereotype.Service;

/**
 * Sends a message the way its channel is set up: SMTP or the SMS gateway, else the dev
 * outbox.
 */
@Service
public class Messages {

	private final EmailSender email;

	private final SmsGatewaySender sms;

	private final DevOutbox outbox;

	Messages(EmailSender email, SmsGatewaySender sms, DevOutbox outbox) {
		this.email = email;
		this.sms = sms;
		this.outbox = outbox;
	}

	/**
	 * Hands a message over.
	 * @throws DeliveryFailedException when no route is set up or the route refused it
	 */
	public DeliveryReceipt send(Message message) {
		boolean sent = switch (message.channel()) {
			case EMAIL -> this.email.send(message);
			case SMS -> this.sms.send(message);
		};
		if (sent) {
			return new DeliveryReceipt(message.channel(),
					(message.channel() == Channel.EMAIL) ? "smtp" : "sms-gateway");
		}
		if (!this.outbox.enabled()) {
			throw new DeliveryFailedException("No route is set up for " + message.channel());
		}
		this.outbox.add(message);
		return new DeliveryReceipt(message.channel(), "outbox");
	}

}
