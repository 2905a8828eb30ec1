package io.latchkey.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text email through the SMTP server Spring Boot is configured with
 * ({@code spring.mail.*}).
 */
@Component
class EmailSender {

	private final ObjectProvider<JavaMailSender> mailSender;

	private final DeliverySettings settings;

	EmailSender(ObjectProvider<JavaMailSender> mailSender, DeliverySettings settings) {
		this.mailSender = mailSender;
		this.settings = settings;
	}

	/** Sends the message; {@code false} when no SMTP server is set up. */
	boolean send(Message message) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return false;
		}
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.settings.emailFrom());
		mail.setTo(message.to());
		mail.setSubject((message.subject() != null) ? message.subject() : "");
		mail.setText(message.text());
		try {
			sender.send(mail);
			return true;
		}
		catch (MailException ex) {
			// The exception may quote the message; only its type is kept.
			throw new DeliveryFailedException(
					"The SMTP server did not take the email (" + ex.getClass().getSimpleName() + ")");
		}
	}

}
