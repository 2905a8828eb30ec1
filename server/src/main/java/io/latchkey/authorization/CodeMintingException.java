package io.latchkey.authorization;

/**
 * Raised when no code can be minted: the client, its grant or redirect URI, the scopes or
 * the person do not allow it.
 */
public class CodeMintingException extends RuntimeException {

	CodeMintingException(String reason) {
		super(reason);
	}

}
