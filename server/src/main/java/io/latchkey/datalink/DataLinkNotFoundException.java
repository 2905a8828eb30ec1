package io.latchkey.datalink;

import io.latchkey.shared.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An admin asked about a data link (or its answer) that does not exist.
 */
class DataLinkNotFoundException extends ProblemException {

	DataLinkNotFoundException(String what) {
		super(HttpStatus.NOT_FOUND, "not-found", "No such " + what);
	}

}
