package io.latchkey.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * Where the tokens are kept: {@code --token-file}, else {@code LATCHKEY_TOKEN_FILE}, else
 * {@code ~/.latchkey/tokens.json}.
 */
final class TokenFileOption {

	@Option(names = "--token-file", paramLabel = "FILE", description = "Token file (default: ${DEFAULT-VALUE})",
			defaultValue = "${env:LATCHKEY_TOKEN_FILE:-${sys:user.home}/.latchkey/tokens.json}")
	Path tokenFile;

	TokenStore store() {
		return new TokenStore(this.tokenFile);
	}

}
