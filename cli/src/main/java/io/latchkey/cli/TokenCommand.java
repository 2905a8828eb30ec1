package io.latchkey.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Callable;

import io.latchkey.client.AuthorizationError;
import io.latchkey.client.ReauthenticationRequired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code latchkey token}: prints a valid access token, refreshing it first when it
 * expires within a minute; the server rotates the refresh token, so the new one is kept.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
		description = "Print a valid access token (refreshing it when needed).")
final class TokenCommand implements Callable<Integer> {

	private static final long REFRESH_MARGIN_SECONDS = 60;

	@Spec
	CommandSpec spec;

	@Mixin
	TokenFileOption tokenFile;

	@Override
	public Integer call() {
		TokenStore store = this.tokenFile.store();
		StoredTokens tokens = store.read()
			.orElseThrow(() -> new CliException("not logged in; run latchkey login", Latchkey.REFUSED));
		if (tokens.expiresWithin(REFRESH_MARGIN_SECONDS, Instant.now())) {
			tokens = refresh(tokens);
			store.write(tokens);
		}
		this.spec.commandLine().getOut().println(tokens.accessToken());
		return 0;
	}

	private static StoredTokens refresh(StoredTokens tokens) {
		try {
			return StoredTokens.of(tokens.issuer(), tokens.clientId(), tokens.client().refresh(tokens.tokens()));
		}
		catch (ReauthenticationRequired ex) {
			throw new CliException("the access token expired and cannot be refreshed; run latchkey login",
					Latchkey.REFUSED);
		}
		catch (AuthorizationError ex) {
			throw new CliException("refreshing failed (" + ex.error() + "); run latchkey login", Latchkey.REFUSED);
		}
		catch (IOException ex) {
			throw new CliException("cannot reach " + tokens.issuer() + ": " + ex.getMessage(), Latchkey.FAILED);
		}
	}

}
