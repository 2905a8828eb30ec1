package io.latchkey.cli;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

import io.latchkey.cli.OAuthHttp.Answer;
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
		if (tokens.refreshToken() == null) {
			throw new CliException("the access token expired and there is no refresh token; run latchkey login",
					Latchkey.REFUSED);
		}
		OAuthHttp http = new OAuthHttp(tokens.issuer());
		Answer answer = http.post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token",
				tokens.refreshToken(), "client_id", tokens.clientId()));
		if (answer.status() != 200) {
			throw new CliException("refreshing failed (" + answer.error() + "); run latchkey login", Latchkey.REFUSED);
		}
		return Tokens.from(tokens.issuer(), tokens.clientId(), answer, tokens);
	}

}
