package io.latchkey.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.latchkey.client.AuthorizationError;
import io.latchkey.client.DeviceCodePrompt.DeviceCode;
import io.latchkey.client.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latchkey login}: asks for a device code, shows the person the code, the link and
 * a QR code, and polls until they approve or deny in a browser (RFC 8628 §3.1–3.5),
 * through the client library.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
		description = "Sign in through a browser on any device (OAuth device flow).")
final class LoginCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--issuer", required = true, paramLabel = "URL",
			description = "The server, e.g. http://localhost:9000")
	String issuer;

	@Option(names = "--client-id", required = true, paramLabel = "ID", description = "The registered client id")
	String clientId;

	@Option(names = "--scope", paramLabel = "SCOPE", description = "Scopes to ask for, space-separated")
	String scope;

	@Option(names = "--no-qr", description = "Do not draw a QR code")
	boolean noQr;

	@Mixin
	TokenFileOption tokenFile;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		String scope = (this.scope != null && !this.scope.isBlank()) ? this.scope : null;
		Tokens tokens;
		try {
			tokens = StoredTokens.client(this.issuer, this.clientId)
				.signInWithDeviceCode(scope, (code) -> show(code, out));
		}
		catch (AuthorizationError ex) {
			throw new CliException(switch (ex.error()) {
				case "access_denied" -> "the request was denied";
				case "expired_token" -> "the code expired before it was approved; run login again";
				default -> "the server refused: " + ex.error();
			}, Latchkey.REFUSED);
		}
		catch (IOException ex) {
			throw new CliException("cannot reach " + this.issuer + ": " + ex.getMessage(), Latchkey.FAILED);
		}
		this.tokenFile.store().write(StoredTokens.of(this.issuer, this.clientId, tokens));
		out.println("Signed in. Tokens are in " + this.tokenFile.store().file() + ".");
		return 0;
	}

	private void show(DeviceCode code, PrintWriter out) {
		out.println("To sign in, open " + code.verificationUri());
		out.println("and enter the code  " + code.userCode());
		if (code.verificationUriComplete() != null) {
			out.println("or open " + code.verificationUriComplete() + " and confirm.");
			if (!this.noQr) {
				out.println();
				out.print(TerminalQr.render(code.verificationUriComplete().toString()));
			}
		}
		out.println();
		out.println("Waiting for approval...");
		out.flush();
	}

}
