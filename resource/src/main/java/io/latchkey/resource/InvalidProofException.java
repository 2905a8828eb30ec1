package io.latchkey.resource;

/**
 * A DPoP proof that is missing, malformed, stale, replayed or not for this request (RFC
 * 9449 section 7.1, {@code invalid_dpop_proof}).
 */
final class InvalidProofException extends Exception {

	InvalidProofException(String message) {
		super(message);
	}

}
