package io.latchkey.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code latchkey} command: signs a terminal in through the Device Authorization
 * Grant (RFC 8628), prints access tokens for scripts, and signs out.
 */
@Command(name = "latchkey", mixinStandardHelpOptions = true, version = "latchkey 0.1.0",
		description = "Sign in to a Latchkey server from a terminal and get access tokens.",
		subcommands = { LoginCommand.class, TokenCommand.class, LogoutCommand.class })
public final class Latchkey {

	/** Exit status of a flow the person or the server ended: denied, expired, refused. */
	static final int REFUSED = 2;

	/** Exit status of a failure to talk to the server or to read the token file. */
	static final int FAILED = 3;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line with its error handling, for the program and for tests. */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new Latchkey());
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			line.getErr().println("latchkey: " + ex.getMessage());
			return (ex instanceof CliException failure) ? failure.exitCode() : FAILED;
		});
		return commandLine;
	}

}
