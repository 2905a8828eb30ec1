package io.latchkey.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browser bundle of SMART's JavaScript client library, {@code fhirclient}
 * (smart-on-fhir/client-js), at a pinned version: fetched once with {@code npm pack} into
 * {@code target/}, checked against the registry's published SHA-512, and unpacked with
 * {@code tar}. Needs {@code npm} on the path, as {@code .ci/run} ensures.
 */
public final class FhirClientBundle {

	public static final String VERSION = "2.6.3";

	/** {@code npm view fhirclient@2.6.3 dist.integrity}. */
	private static final String INTEGRITY = "sha512-CirZixcwWelbkIXxpxlNQx5+ZdJirl6F1s4y4yvA1X7hHAkr9n99aVHaMi0wX+97nATjKQ65X6NB5as/wZoJzg==";

	private static final Path DIRECTORY = Path.of("target", "fhirclient-" + VERSION);

	private FhirClientBundle() {
	}

	/** {@code build/fhir-client.min.js}, which defines the global {@code FHIR}. */
	public static synchronized byte[] script() {
		Path script = DIRECTORY.resolve("package/build/fhir-client.min.js");
		try {
			if (!Files.exists(script)) {
				Files.createDirectories(DIRECTORY);
				run(List.of("npm", "pack", "fhirclient@" + VERSION, "--pack-destination", DIRECTORY.toString(),
						"--silent"));
				Path archive = DIRECTORY.resolve("fhirclient-" + VERSION + ".tgz");
				String integrity = "sha512-" + Base64.getEncoder()
					.encodeToString(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(archive)));
				if (!integrity.equals(INTEGRITY)) {
					throw new IllegalStateException("fhirclient archive does not match its published integrity");
				}
				run(List.of("tar", "-xzf", archive.toString(), "-C", DIRECTORY.toString(),
						"package/build/fhir-client.min.js"));
			}
			return Files.readAllBytes(script);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("failed: " + String.join(" ", command));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
