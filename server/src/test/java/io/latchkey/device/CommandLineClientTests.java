package io.latchkey.device;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.cli.Latchkey;
import io.latchkey.test.ClientLibrarySupport;
import io.latchkey.test.PersonAtBrowser;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code latchkey} command against the running server: it logs in through the device
 * flow while a person approves in a browser, keeps the tokens in an owner-only file,
 * prints (and refreshes) the access token, and revokes everything at logout.
 */
class CommandLineClientTests extends ClientLibrarySupport {

	private static final Pattern USER_CODE = Pattern.compile("enter the code\\s+([A-Z]{4}-[A-Z]{4})");

	@TempDir
	Path home;

	@Test
	void logsInThroughTheDeviceFlowPrintsAndRefreshesTheTokenAndLogsOut() throws Exception {
		DeviceClients.publicClient("latchkey-cli").register(this.http, adminToken());
		DeviceClients.person(this.http, adminToken(), "cli-person", "a long password for the cli");
		PersonAtBrowser person = new PersonAtBrowser(this.http, "cli-person", "a long password for the cli");
		Path tokenFile = this.home.resolve("latchkey/tokens.json");
		StringWriter loginOutput = new StringWriter();

		CompletableFuture<Integer> login = CompletableFuture
			.supplyAsync(() -> run(loginOutput, "login", "--issuer", ISSUER.toString(), "--client-id", "latchkey-cli",
					"--scope", "patient/*.rs offline_access", "--token-file", tokenFile.toString()));
		String userCode = awaitUserCode(loginOutput);
		person.approve(person.enter(userCode));

		assertThat(login.get(30, TimeUnit.SECONDS)).as(loginOutput.toString()).isZero();
		assertThat(loginOutput.toString()).contains(ISSUER + "/oauth2/device_verification?user_code=" + userCode)
			.contains("█")
			.contains("Signed in.");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
		String stored = Files.readString(tokenFile);

		StringWriter tokenOutput = new StringWriter();
		assertThat(run(tokenOutput, "token", "--token-file", tokenFile.toString())).isZero();
		String accessToken = tokenOutput.toString().strip();
		assertThat(stored).contains(accessToken);

		// An access token about to expire is refreshed, and the rotated refresh
		// token kept.
		Files.writeString(tokenFile, stored.replaceAll("\"expiresAt\":\"[^\"]+\"",
				"\"expiresAt\":\"" + Instant.now().minusSeconds(1) + "\""));
		StringWriter refreshedOutput = new StringWriter();
		assertThat(run(refreshedOutput, "token", "--token-file", tokenFile.toString())).isZero();
		assertThat(refreshedOutput.toString().strip()).isNotEqualTo(accessToken);
		String refreshToken = Files.readString(tokenFile).replaceAll(".*\"refreshToken\":\"([^\"]+)\".*", "$1");

		assertThat(run(new StringWriter(), "logout", "--token-file", tokenFile.toString())).isZero();
		assertThat(tokenFile).doesNotExist();
		Response reuse = this.http.postForm("/oauth2/token",
				params("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "latchkey-cli"));
		assertThat(reuse.status()).isEqualTo(400);
		assertThat(reuse.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void aDeniedLoginEndsWithAnErrorAndNoTokenFile() throws Exception {
		DeviceClients.publicClient("latchkey-cli-denied").register(this.http, adminToken());
		DeviceClients.person(this.http, adminToken(), "cli-denier", "a long password for the cli");
		PersonAtBrowser person = new PersonAtBrowser(this.http, "cli-denier", "a long password for the cli");
		Path tokenFile = this.home.resolve("denied.json");
		StringWriter output = new StringWriter();

		CompletableFuture<Integer> login = CompletableFuture
			.supplyAsync(() -> run(output, "login", "--issuer", ISSUER.toString(), "--client-id", "latchkey-cli-denied",
					"--scope", "patient/*.rs", "--no-qr", "--token-file", tokenFile.toString()));
		person.deny(person.enter(awaitUserCode(output)));

		assertThat(login.get(30, TimeUnit.SECONDS)).isEqualTo(2);
		assertThat(output.toString()).contains("denied").doesNotContain("█");
		assertThat(tokenFile).doesNotExist();
	}

	private static int run(StringWriter output, String... args) {
		CommandLine cli = Latchkey.commandLine();
		PrintWriter writer = new PrintWriter(output, true);
		cli.setOut(writer);
		cli.setErr(writer);
		return cli.execute(args);
	}

	private static String awaitUserCode(StringWriter output) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			Matcher matcher = USER_CODE.matcher(output.toString());
			if (matcher.find()) {
				return matcher.group(1);
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("the command printed no user code: " + output);
	}

}
