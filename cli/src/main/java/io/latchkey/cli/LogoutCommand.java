package io.latchkey.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import io.latchkey.cli.OAuthHttp.Answer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code latchkey logout}: revokes the refresh token (RFC 7009), which ends the whole
 * grant, then the access token, and deletes the token file.
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
		OAuthHttp http = new OAuthHttp(tokens.issuer());
		if (tokens.refreshToken() != null) {
			revoke(http, tokens, tokens.refreshToken(), "refresh_token");
		}
		revoke(http, tokens, tokens.accessToken(), "access_token");
		store.delete();
		this.spec.commandLine().getOut().println("Logged out.");
		return 0;
	}

	private static void revoke(OAuthHttp http, StoredTokens tokens, String token, String hint) {
		Answer answer = http.post("/oauth2/revoke",
				Map.of("token", token, "token_type_hint", hint, "client_id", tokens.clientId()));
		if (answer.status() != 200) {
			throw new CliException("revocation failed (" + answer.error() + "); the token file is kept",
					Latchkey.FAILED);
		}
	}

}
