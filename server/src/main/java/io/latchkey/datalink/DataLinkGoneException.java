package io.latchkey.datalink;

/**
 * The link was used, has expired or was revoked: every endpoint answers {@code 410}.
 */
class DataLinkGoneException extends RuntimeException {

	DataLinkGoneException() {
		super("This link has been used or has expired.", null, false, false);
	}

}
