package io.latchkey.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.latchkey.cli.OAuthHttp.Answer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latchkey login}: asks for a device code, shows the person the code, the link and
 * a QR code, and polls until they approve or deny in a browser (RFC 8628 §3.1–3.5).
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
		OAuthHttp http = new OAuthHttp(this.issuer);
		Map<String, String> request = new LinkedHashMap<>();
		request.put("client_id", this.clientId);
		if (this.scope != null && !this.scope.isBlank()) {
			request.put("scope", this.scope);
		}
		Answer device = http.post("/oauth2/device_authorization", request);
		if (device.status() != 200) {
			throw new CliException("the server refused the device request: " + device.error(), Latchkey.REFUSED);
		}
		String complete = device.text("verification_uri_complete");
		out.println("To sign in, open " + device.text("verification_uri"));
		out.println("and enter the code  " + device.text("user_code"));
		if (complete != null) {
			out.println("or open " + complete + " and confirm.");
			if (!this.noQr) {
				out.println();
				out.print(TerminalQr.render(complete));
			}
		}
		out.println();
		out.println("Waiting for approval...");
		out.flush();
		Duration interval = Duration.ofSeconds(Math.max(1, device.number("interval", 5)));
		Instant deadline = Instant.now().plusSeconds(device.number("expires_in", 600));
		Answer tokens = new DevicePoller(http, this.clientId, device.text("device_code"), interval, deadline).poll();
		StoredTokens stored = Tokens.from(http.issuer(), this.clientId, tokens, null);
		this.tokenFile.store().write(stored);
		out.println("Signed in. Tokens are in " + this.tokenFile.store().file() + ".");
		return 0;
	}

}
