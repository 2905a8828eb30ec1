package io.latchkey.datalink;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A lease-protected request came without a valid lease for the link, or without the
 * lease's cookie. The reason is for the audit log only.
 */
class LeaseRejectedException extends RuntimeException {

	private final @Nullable UUID linkId;

	private final String reason;

	LeaseRejectedException(@Nullable UUID linkId, String reason) {
		super("A valid lease for this link, with its cookie, is required.", null, false, false);
		this.linkId = linkId;
		this.reason = reason;
	}

	@Nullable UUID linkId() {
		return this.linkId;
	}

	String reason() {
		return this.reason;
	}

}
