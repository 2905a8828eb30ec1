package io.latchkey.invitation;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * One client's launch URL (its universal or app link) and message templates; what is
 * {@code null} falls back to {@link InvitationSettings}.
 */
record ClientLaunchSettings(String clientId, @Nullable URI launchUrl, @Nullable String emailSubject,
		@Nullable String emailTemplate, @Nullable String smsTemplate) {

	static ClientLaunchSettings none(String clientId) {
		return new ClientLaunchSettings(clientId, null, null, null, null);
	}

}
