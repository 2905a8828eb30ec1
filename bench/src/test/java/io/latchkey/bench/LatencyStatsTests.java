package io.latchkey.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link LatencyStats} and the figures {@link ScenarioResult} derives from it.
 */
class LatencyStatsTests {

	@Test
	void percentilesAreInMillisecondsWithinHistogramPrecision() {
		LatencyStats stats = new LatencyStats();
		for (int millis = 1; millis <= 100; millis++) {
			stats.record(millis * 1_000_000L, Outcome.OK);
		}
		assertThat(stats.requests()).isEqualTo(100);
		assertThat(stats.percentileMillis(50)).isCloseTo(50.0, within(0.05));
		assertThat(stats.percentileMillis(99)).isCloseTo(99.0, within(0.1));
	}

	@Test
	void mergingAddsRequestsAndErrorsByKind() {
		LatencyStats first = new LatencyStats();
		first.record(2_000_000, Outcome.OK);
		first.record(3_000_000, Outcome.failed("400 invalid_grant"));
		LatencyStats second = new LatencyStats();
		second.record(4_000_000, Outcome.failed("400 invalid_grant"));
		second.record(5_000_000, Outcome.failed("IOException"));
		first.add(second);
		assertThat(first.requests()).isEqualTo(4);
		assertThat(first.errorCount()).isEqualTo(3);
		assertThat(first.errors()).containsEntry("400 invalid_grant", 2L).containsEntry("IOException", 1L);
	}

	@Test
	void resultDerivesRequestsPerSecondFromElapsedTime() {
		LatencyStats stats = new LatencyStats();
		for (int i = 0; i < 500; i++) {
			stats.record(1_000_000, Outcome.OK);
		}
		ScenarioResult result = ScenarioResult.of("jwks", 4, stats, Duration.ofSeconds(2));
		assertThat(result.requestsPerSecond()).isEqualTo(250.0);
		assertThat(result.p50Millis()).isCloseTo(1.0, within(0.01));
		assertThat(result.errors()).isZero();
	}

	@Test
	void emptyStatsHaveNoPercentiles() {
		assertThat(new LatencyStats().percentileMillis(50)).isNaN();
		assertThat(ResultTable.number(Double.NaN, 2)).isEqualTo("-");
	}

}
