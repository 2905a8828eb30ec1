package io.latchkey.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoadRunner}.
 */
class LoadRunnerTests {

	private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

	@Test
	void aRateHoldsEveryWorkerTogetherToThatManyIterationsPerSecond() throws InterruptedException {
		LoadRunner runner = new LoadRunner(8, Duration.ZERO, Duration.ofSeconds(2), 0, 100, QUIET);

		List<ScenarioResult> results = runner.run(instant());

		assertThat(results.get(0).requests()).isBetween(170L, 215L);
		assertThat(results.get(0).errors()).isZero();
	}

	@Test
	void withoutARateWorkersRunAsFastAsTheyCan() throws InterruptedException {
		LoadRunner runner = new LoadRunner(2, Duration.ZERO, Duration.ofMillis(500), 0, 0, QUIET);

		assertThat(runner.run(instant()).get(0).requests()).isGreaterThan(1000);
	}

	/** A scenario whose requests take no time. */
	private static Scenario instant() {
		return new Scenario() {

			@Override
			public String name() {
				return "instant";
			}

			@Override
			public Worker prepare(int worker) {
				return (phases) -> Outcome.OK;
			}

		};
	}

}
