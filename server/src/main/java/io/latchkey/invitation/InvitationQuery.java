package io.latchkey.invitation;

import org.jspecify.annotations.Nullable;

/**
 * What the admin API searches invitations by; {@code page} counts from 0.
 */
record InvitationQuery(@Nullable String subject, @Nullable String clientId, @Nullable InvitationStatus status, int page,
		int size) {

}
