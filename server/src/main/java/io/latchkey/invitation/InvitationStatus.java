package io.latchkey.invitation;

import org.jspecify.annotations.Nullable;

/**
 * Where an invitation stands.
 */
enum InvitationStatus {

	PENDING, REDEEMED, REVOKED, EXPIRED;

	String value() {
		return name().toLowerCase();
	}

	/** The status a filter names, or {@code null} for none. */
	static @Nullable InvitationStatus of(@Nullable String value) {
		if (value == null) {
			return null;
		}
		for (InvitationStatus status : values()) {
			if (status.value().equals(value)) {
				return status;
			}
		}
		throw new InvalidInvitationRequestException("status must be pending, redeemed, revoked or expired");
	}

}
