package io.latchkey.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code latchkey logout}: revokes the refresh token (RFC 7009), which ends the whole
 * grant with its access token, and deletes the token file. Without a refresh token there
 * is nothing to end: the access token runs out by itself.
 */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Revoke the tokens and delete the token file.")
final class LogoutCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	TokenFileOption tokenFile;

	@Override
	public Integer call() {
		TokenStore store = this.tokenFile.store();
		StoredTokens tokens = store.read().orElse(null);
		if (tokens == null) {
			this.spec.commandLine().getOut().println("Not logged in.");
			return 0;
		}
		try {
			tokens.client().revoke(tokens.tokens());
		}
		catch (IOException ex) {
			throw new CliException("revocation failed (" + ex.getMessage() + "); the token file is kept",
					Latchkey.FAILED);
		}
		store.delete();
		this.spec.commandLine().getOut().println("Logged out.");
		return 0;
	}

}
