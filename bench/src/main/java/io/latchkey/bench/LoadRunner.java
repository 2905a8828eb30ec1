package io.latchkey.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Runs a scenario's workers on virtual threads: a warm-up whose figures are dropped, then
 * the measurement, bounded by time or by a total request count, optionally paced to a
 * rate.
 */
final class LoadRunner {

	private final int concurrency;

	private final Duration warmUp;

	private final Duration duration;

	private final long requestLimit;

	/** Nanoseconds between two iteration starts, or 0 for no pacing. */
	private final long interval;

	private final PrintStream log;

	/**
	 * @param requestLimit total requests to measure, or 0 to measure for {@code duration}
	 * @param rate iterations per second all workers together may start, or 0 for no limit
	 */
	LoadRunner(int concurrency, Duration warmUp, Duration duration, long requestLimit, double rate, PrintStream log) {
		this.concurrency = concurrency;
		this.warmUp = warmUp;
		this.duration = duration;
		this.requestLimit = requestLimit;
		this.interval = (rate > 0) ? (long) (1_000_000_000L / rate) : 0;
		this.log = log;
	}

	/**
	 * Measures one scenario; the first result is the scenario itself, any further ones
	 * its phases.
	 */
	List<ScenarioResult> run(Scenario scenario) throws InterruptedException {
		List<Scenario.Worker> workers = new ArrayList<>();
		this.log.printf("%s: preparing %d workers%n", scenario.name(), this.concurrency);
		for (int i = 0; i < this.concurrency; i++) {
			try {
				workers.add(scenario.prepare(i));
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Exception ex) {
				String reason = "setup failed: " + describe(ex);
				this.log.printf("%s: %s%n", scenario.name(), reason);
				return List.of(ScenarioResult.notRun(scenario.name(), this.concurrency, reason));
			}
		}
		if (!this.warmUp.isZero()) {
			this.log.printf("%s: warming up for %ds%n", scenario.name(), this.warmUp.toSeconds());
			long end = System.nanoTime() + this.warmUp.toNanos();
			runAll(workers, () -> System.nanoTime() < end);
		}
		this.log.printf("%s: measuring%n", scenario.name());
		BooleanSupplier more;
		if (this.requestLimit > 0) {
			AtomicLong remaining = new AtomicLong(this.requestLimit);
			more = () -> remaining.getAndDecrement() > 0;
		}
		else {
			long end = System.nanoTime() + this.duration.toNanos();
			more = () -> System.nanoTime() < end;
		}
		long start = System.nanoTime();
		Map<String, LatencyStats> stats = runAll(workers, more);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		List<ScenarioResult> results = new ArrayList<>();
		results.add(ScenarioResult.of(scenario.name(), this.concurrency, stats.remove(""), elapsed));
		stats.forEach((phase, phaseStats) -> results
			.add(ScenarioResult.of(scenario.name() + ":" + phase, this.concurrency, phaseStats, elapsed)));
		return results;
	}

	/**
	 * Runs every worker until {@code more} says stop; returns merged statistics keyed by
	 * phase, the empty key holding whole iterations.
	 */
	private Map<String, LatencyStats> runAll(List<Scenario.Worker> workers, BooleanSupplier more)
			throws InterruptedException {
		List<Map<String, LatencyStats>> perWorker = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		AtomicLong nextStart = new AtomicLong(System.nanoTime());
		for (Scenario.Worker worker : workers) {
			Map<String, LatencyStats> own = new TreeMap<>();
			own.put("", new LatencyStats());
			perWorker.add(own);
			threads
				.add(Thread.ofVirtual().start(() -> loop(worker, () -> pace(nextStart) && more.getAsBoolean(), own)));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		Map<String, LatencyStats> merged = new TreeMap<>();
		perWorker.forEach((own) -> own
			.forEach((phase, stats) -> merged.computeIfAbsent(phase, (key) -> new LatencyStats()).add(stats)));
		return merged;
	}

	/**
	 * Waits for the next free start slot when paced; slots missed while every worker was
	 * busy are not made up in a burst.
	 */
	private boolean pace(AtomicLong nextStart) {
		if (this.interval == 0) {
			return true;
		}
		long now = System.nanoTime();
		long slot = nextStart.getAndUpdate((next) -> Math.max(next, now) + this.interval);
		long wait = slot - now;
		if (wait > 0) {
			try {
				Thread.sleep(Duration.ofNanos(wait));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	private static void loop(Scenario.Worker worker, BooleanSupplier more, Map<String, LatencyStats> stats) {
		Scenario.PhaseRecorder phases = (phase, nanos,
				outcome) -> stats.computeIfAbsent(phase, (key) -> new LatencyStats()).record(nanos, outcome);
		LatencyStats iterations = stats.get("");
		while (more.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
			long start = System.nanoTime();
			Outcome outcome;
			try {
				outcome = worker.execute(phases);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				outcome = Outcome.failed(describe(ex));
			}
			iterations.record(System.nanoTime() - start, outcome);
		}
	}

	/**
	 * Describes a failure without echoing anything a server or request might have put in
	 * it, except for the harness's own flow messages.
	 */
	static String describe(Exception ex) {
		if (ex instanceof BrowserFlowException || ex instanceof IllegalStateException) {
			return ex.getMessage();
		}
		return ex.getClass().getSimpleName();
	}

}
