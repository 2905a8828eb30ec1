package io.latchkey.cli;

/**
 * A failure the command reports in one line and an exit status; its message never carries
 * a token or code.
 */
final class CliException extends RuntimeException {

	private final int exitCode;

	CliException(String message, int exitCode) {
		super(message);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}
