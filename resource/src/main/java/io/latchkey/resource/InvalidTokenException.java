package io.latchkey.resource;

/**
 * An access token the kit refuses: expired, not yet valid, for another FHIR server, from
 * another issuer, badly signed or not a token at all (RFC 6750 section 3.1,
 * {@code invalid_token}). The message is safe to show: it never contains the token.
 */
final class InvalidTokenException extends Exception {

	InvalidTokenException(String message) {
		super(message);
	}

}
