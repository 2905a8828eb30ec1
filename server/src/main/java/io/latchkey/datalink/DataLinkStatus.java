package io.latchkey.datalink;

/**
 * Where a data link stands, as the admin API lists it.
 */
enum DataLinkStatus {

	ACTIVE, VISITED, LOCKED, USED, EXPIRED, REVOKED;

	String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
