package io.latchkey.datalink;

/**
 * A request about data links that Latchkey refuses, with a reason the caller can fix.
 */
class InvalidDataLinkRequestException extends RuntimeException {

	InvalidDataLinkRequestException(String reason) {
		super(reason);
	}

}
