package io.latchkey.invitation;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.latchkey.delivery.Channel;
import io.latchkey.delivery.DeliveryFailedException;
import io.latchkey.delivery.DeliveryReceipt;
import io.latchkey.delivery.Message;
import io.latchkey.delivery.Messages;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Fills an invitation's link into the client's (or the default) plain-text templates and
 * hands the messages to delivery. A failed delivery leaves the invitation valid: the
 * admin still has the link.
 */
@Component
class InvitationMessages {

	private static final Log logger = LogFactory.getLog(InvitationMessages.class);

	private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Messages messages;

	private final InvitationRepository repository;

	private final InvitationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InvitationMessages(Messages messages, InvitationRepository repository, InvitationSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.messages = messages;
		this.repository = repository;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	List<CreatedInvitation.Delivery> deliver(Invitation invitation, String appName, String link,
			ClientLaunchSettings launch, @Nullable String email, @Nullable String sms) {
		InvitationSettings.Templates defaults = this.settings.templates();
		List<CreatedInvitation.Delivery> deliveries = new ArrayList<>();
		if (email != null) {
			String subject = fill(Objects.requireNonNullElse(launch.emailSubject(), defaults.emailSubject()),
					invitation, appName, link);
			String text = fill(Objects.requireNonNullElse(launch.emailTemplate(), defaults.email()), invitation,
					appName, link);
			deliveries.add(send(invitation, new Message(Channel.EMAIL, email, subject, text)));
		}
		if (sms != null) {
			String text = fill(Objects.requireNonNullElse(launch.smsTemplate(), defaults.sms()), invitation, appName,
					link);
			deliveries.add(send(invitation, new Message(Channel.SMS, sms, null, text)));
		}
		if (!deliveries.isEmpty()) {
			this.repository.markDelivered(invitation.id(),
					String.join(",", deliveries.stream().map((d) -> d.channel() + ":" + d.route()).toList()));
		}
		return deliveries;
	}

	private CreatedInvitation.Delivery send(Invitation invitation, Message message) {
		String channel = message.channel().name().toLowerCase();
		try {
			DeliveryReceipt receipt = this.messages.send(message);
			this.events
				.publishEvent(new InvitationDelivered(invitation.id(), channel, receipt.route(), this.clock.instant()));
			return new CreatedInvitation.Delivery(channel, receipt.route());
		}
		catch (DeliveryFailedException ex) {
			logger.warn("Could not deliver invitation " + invitation.id() + " by " + channel + ": " + ex.getMessage());
			return new CreatedInvitation.Delivery(channel, "failed");
		}
	}

	/**
	 * Placeholders are replaced in one pass, so a client name cannot smuggle in another.
	 */
	private static String fill(String template, Invitation invitation, String appName, String link) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < template.length()) {
			int open = template.indexOf('{', i);
			int close = (open >= 0) ? template.indexOf('}', open) : -1;
			if (open < 0 || close < 0) {
				out.append(template, i, template.length());
				break;
			}
			out.append(template, i, open);
			String value = switch (template.substring(open + 1, close)) {
				case "app" -> appName;
				case "link" -> link;
				case "expires" -> EXPIRES.format(invitation.expiresAt());
				default -> template.substring(open, close + 1);
			};
			out.append(value);
			i = close + 1;
		}
		return out.toString();
	}

}
