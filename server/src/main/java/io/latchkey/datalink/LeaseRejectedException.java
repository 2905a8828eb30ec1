package io.latchkey.datalink;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A lease-protected request came without a valid lease for the link, or without the
 * lease's cookie. The reason is for the audit log only.
 */
class LeaseRejectedException extends PersonSideProblem {

	private final @Nullable UUID linkId;

	private final String reason;

	LeaseRejectedException(@Nullable UUID linkId, String reason) {
		super(HttpStatus.UNAUTHORIZED, "invalid-lease", "A valid lease for this link, with its cookie, is required.");
		addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
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
