package io.latchkey.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.latchkey.LatchkeyApplication;

/**
 * A Latchkey node in a process of its own, started from the test classpath, so that a
 * test can kill it as abruptly as a failing machine: no shutdown hook, no graceful drain,
 * its database connections dropped mid-transaction. {@link Node} runs in the test's JVM
 * and can only be closed politely.
 */
public final class NodeProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Process process;

	private final Path log;

	public final TestHttp http;

	private NodeProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.http = new TestHttp("http://localhost:" + port);
	}

	/**
	 * Starts a node on the given database and waits until it is ready; its output goes to
	 * {@code log}.
	 */
	public static NodeProcess start(String url, String username, Path log, String... properties) {
		try {
			int port = freePort();
			Path arguments = Files.createTempFile("latchkey-node", ".args");
			arguments.toFile().deleteOnExit();
			// An argument file keeps a long class path off the command line.
			Files.writeString(arguments, "-cp \"" + System.getProperty("java.class.path") + "\"");
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
							"-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "@" + arguments,
							LatchkeyApplication.class.getName(), "--spring.profiles.active=test",
							"--server.port=" + port, "--spring.datasource.url=" + url,
							"--spring.datasource.username=" + username, "--spring.datasource.password=",
							"--latchkey.bootstrap.admin-password=" + ServerTestSupport.ADMIN_PASSWORD,
							"--latchkey.bootstrap.admin-client-secret=" + ServerTestSupport.ADMIN_CLIENT_SECRET));
			for (int i = 0; i < properties.length; i += 2) {
				command.add("--" + properties[i] + "=" + properties[i + 1]);
			}
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			NodeProcess node = new NodeProcess(process, log, port);
			node.awaitReady();
			return node;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("node exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				if (this.http.get("/actuator/health/readiness").status() == 200) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				// Not listening yet.
			}
			pause();
		}
		kill();
		throw new IllegalStateException("node not ready within " + START_TIMEOUT + "; see " + this.log);
	}

	/** Kills the process at once (SIGKILL on Unix) and waits until it is gone. */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		kill();
	}

}
