package io.latchkey.bench;

/**
 * Thrown when the login and consent pages do not lead to an authorization code.
 */
class BrowserFlowException extends Exception {

	BrowserFlowException(String message) {
		super(message);
	}

}
