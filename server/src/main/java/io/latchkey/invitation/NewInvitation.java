package io.latchkey.invitation;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A validated request for an invitation.
 *
 * @param scopes the scopes asked for, or {@code null} for all of the client's
 * @param expiresIn the lifetime asked for, or {@code null} for the default
 * @param email where to email the link, if anywhere
 * @param sms where to text the link, if anywhere
 */
record NewInvitation(String clientId, String subject, @Nullable String patient, @Nullable Set<String> scopes,
		@Nullable Duration expiresIn, @Nullable String email, @Nullable String sms) {

}
