package io.latchkey.bench;

/**
 * How one measured request (or one iteration of a multi-request scenario) ended.
 *
 * @param error a short, secret-free description of the failure, or {@code null} on
 * success
 */
record Outcome(String error) {

	static final Outcome OK = new Outcome(null);

	static Outcome failed(String error) {
		return new Outcome(error);
	}

	boolean ok() {
		return this.error == null;
	}

}
