package io.latchkey.datalink;

import org.jspecify.annotations.Nullable;

/**
 * Where a data link stands, as the admin API lists it.
 */
enum DataLinkStatus {

	ACTIVE, VISITED, LOCKED, USED, EXPIRED, REVOKED;

	String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The status a filter names, or {@code null} for none. */
	static @Nullable DataLinkStatus of(@Nullable String value) {
		if (value == null) {
			return null;
		}
		for (DataLinkStatus status : values()) {
			if (status.value().equals(value)) {
				return status;
			}
		}
		throw new InvalidDataLinkRequestException("status must be active, visited, locked, used, expired or revoked");
	}

}
