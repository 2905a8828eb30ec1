package io.latchkey.bench;

/**
 * One kind of request to measure; each concurrent worker gets its own state from
 * {@link #prepare(int)} before the clock starts.
 */
interface Scenario {

	String name();

	/**
	 * Prepares the state of one worker, for example by signing in or obtaining a token.
	 * Workers are prepared one after another.
	 */
	Worker prepare(int worker) throws Exception;

	/**
	 * One worker's loop body: a single measured request, or a few that belong together.
	 */
	@FunctionalInterface
	interface Worker {

		/**
		 * Runs one iteration. {@link java.io.IOException}s count as errors.
		 * @param phases where to record the latency of a part of the iteration
		 */
		Outcome execute(PhaseRecorder phases) throws Exception;

	}

	/**
	 * Receives the latency of a named part of an iteration, reported as its own row.
	 */
	@FunctionalInterface
	interface PhaseRecorder {

		void record(String phase, long nanos, Outcome outcome);

	}

}
