package io.latchkey.bench;

import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * Counts requests and errors and keeps a latency histogram with microsecond resolution
 * and three significant digits; one per worker, merged after the run.
 */
final class LatencyStats {

	private final Histogram histogram = new Histogram(3);

	private final Map<String, Long> errors = new TreeMap<>();

	void record(long nanos, Outcome outcome) {
		this.histogram.recordValue(Math.max(1, nanos / 1_000));
		if (!outcome.ok()) {
			this.errors.merge(outcome.error(), 1L, Long::sum);
		}
	}

	void add(LatencyStats other) {
		this.histogram.add(other.histogram);
		other.errors.forEach((error, count) -> this.errors.merge(error, count, Long::sum));
	}

	long requests() {
		return this.histogram.getTotalCount();
	}

	long errorCount() {
		return this.errors.values().stream().mapToLong(Long::longValue).sum();
	}

	Map<String, Long> errors() {
		return Map.copyOf(this.errors);
	}

	/**
	 * The latency at the given percentile (0–100) in milliseconds.
	 */
	double percentileMillis(double percentile) {
		return (requests() != 0) ? this.histogram.getValueAtPercentile(percentile) / 1_000.0 : Double.NaN;
	}

}
