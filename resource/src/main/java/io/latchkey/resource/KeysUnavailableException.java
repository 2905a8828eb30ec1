package io.latchkey.resource;

/**
 * The issuer's keys (or metadata) could not be fetched, so no token can be judged: the
 * FHIR server answers {@code 503} rather than blaming the token.
 */
final class KeysUnavailableException extends Exception {

	KeysUnavailableException(Throwable cause) {
		super("the issuer's keys could not be fetched", cause);
	}

}
