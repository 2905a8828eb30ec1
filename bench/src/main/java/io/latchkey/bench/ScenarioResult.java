package io.latchkey.bench;

import java.time.Duration;
import java.util.Map;

/**
 * What one scenario (or one phase of it) measured.
 *
 * @param scenario the scenario or phase name
 * @param concurrency the number of concurrent workers
 * @param requests completed requests, errors included
 * @param errors the requests that failed
 * @param elapsed the wall-clock time of the measurement
 * @param p50Millis median latency in milliseconds, over all completed requests
 * @param p99Millis 99th percentile latency in milliseconds
 * @param errorsByKind failures by status and error code
 * @param note why the scenario did not run, or {@code null}
 */
record ScenarioResult(String scenario, int concurrency, long requests, long errors, Duration elapsed, double p50Millis,
		double p99Millis, Map<String, Long> errorsByKind, String note) {

	static ScenarioResult of(String scenario, int concurrency, LatencyStats stats, Duration elapsed) {
		return new ScenarioResult(scenario, concurrency, stats.requests(), stats.errorCount(), elapsed,
				stats.percentileMillis(50), stats.percentileMillis(99), stats.errors(), null);
	}

	static ScenarioResult notRun(String scenario, int concurrency, String note) {
		return new ScenarioResult(scenario, concurrency, 0, 0, Duration.ZERO, Double.NaN, Double.NaN, Map.of(), note);
	}

	double requestsPerSecond() {
		long nanos = this.elapsed.toNanos();
		return (nanos > 0) ? this.requests * 1e9 / nanos : Double.NaN;
	}

}
