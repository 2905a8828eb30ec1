package io.latchkey.delivery;

import org.jspecify.annotations.Nullable;

/**
 * A plain-text message to one address. The text may carry a secret, so it is never
 * logged.
 *
 * @param channel email or SMS
 * @param to an email address or a phone number
 * @param subject the email subject; ignored for SMS
 * @param text the plain-text body
 */
public record Message(Channel channel, String to, @Nullable String subject, String text) {

	@Override
	public String toString() {
		return "Message[channel=" + this.channel + "]";
	}

}
