package io.latchkey.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the server's authorization store by issuing {@code client_credentials} grants,
 * each of which leaves one authorization behind, and prints progress while it does.
 */
final class Seeder {

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

	private final Target target;

	private final int concurrency;

	private final PrintStream log;

	Seeder(Target target, int concurrency, PrintStream log) {
		this.target = target;
		this.concurrency = concurrency;
		this.log = log;
	}

	/**
	 * Sends {@code count} grants and returns how many succeeded.
	 */
	long seed(long count) throws InterruptedException {
		AtomicLong tickets = new AtomicLong(count);
		AtomicLong succeeded = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long start = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.concurrency; i++) {
			threads.add(Thread.ofVirtual().start(() -> {
				while (tickets.getAndDecrement() > 0 && !Thread.currentThread().isInterrupted()) {
					try {
						boolean ok = ClientCredentialsScenario.tokenOutcome(this.target.clientCredentialsGrant()).ok();
						(ok ? succeeded : failed).incrementAndGet();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					catch (Exception ex) {
						failed.incrementAndGet();
					}
				}
			}));
		}
		for (Thread thread : threads) {
			while (thread.isAlive()) {
				thread.join(PROGRESS_INTERVAL);
				if (thread.isAlive()) {
					progress(count, succeeded.get(), failed.get(), start);
				}
			}
		}
		progress(count, succeeded.get(), failed.get(), start);
		return succeeded.get();
	}

	private void progress(long count, long succeeded, long failed, long start) {
		double seconds = (System.nanoTime() - start) / 1e9;
		long done = succeeded + failed;
		double rate = (seconds > 0) ? done / seconds : 0;
		long remaining = (rate > 0) ? (long) ((count - done) / rate) : 0;
		this.log.printf("seed: %d/%d done (%d errors), %.0f/s, %ds elapsed, about %ds to go%n", done, count, failed,
				rate, (long) seconds, remaining);
	}

}
