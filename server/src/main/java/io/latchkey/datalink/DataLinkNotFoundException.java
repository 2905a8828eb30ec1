package io.latchkey.datalink;

/**
 * An admin asked about a data link (or its answer) that does not exist.
 */
class DataLinkNotFoundException extends RuntimeException {

	DataLinkNotFoundException(String what) {
		super("No such " + what);
	}

}
