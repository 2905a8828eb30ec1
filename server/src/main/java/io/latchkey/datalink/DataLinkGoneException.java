package io.latchkey.datalink;

import org.springframework.http.HttpStatus;

/**
 * The link was used, has expired or was revoked: every endpoint answers {@code 410}.
 */
class DataLinkGoneException extends PersonSideProblem {

	DataLinkGoneException() {
		super(HttpStatus.GONE, "data-link-gone", "This link has been used or has expired.");
	}

}
