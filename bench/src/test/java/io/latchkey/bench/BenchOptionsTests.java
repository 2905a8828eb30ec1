package io.latchkey.bench;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BenchOptions}.
 */
class BenchOptionsTests {

	@Test
	void parsesOptionsAndKeepsSecretsOutOfToString() {
		BenchOptions options = BenchOptions.parse(
				new String[] { "--issuer", "http://localhost:9100", "--client-secret=s3cret", "--concurrency", "4",
						"--duration", "1m", "--scenarios", "jwks,refresh", "--markdown", "--rate", "50" },
				Map.of("BENCH_PASSWORD", "pa55word")::get);
		assertThat(options.issuer()).hasToString("http://localhost:9100");
		assertThat(options.concurrency()).isEqualTo(4);
		assertThat(options.duration()).isEqualTo(Duration.ofMinutes(1));
		assertThat(options.scenarios()).containsExactly("jwks", "refresh");
		assertThat(options.markdown()).isTrue();
		assertThat(options.rate()).isEqualTo(50.0);
		assertThat(options.client().method()).isEqualTo(ClientCredentials.AuthMethod.BASIC);
		assertThat(options.browser().password()).isEqualTo("pa55word");
		assertThat(options.toString()).doesNotContain("s3cret").doesNotContain("pa55word");
	}

	@Test
	void readsDurations() {
		assertThat(BenchOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(BenchOptions.duration("20")).isEqualTo(Duration.ofSeconds(20));
		assertThat(BenchOptions.duration("2h")).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void rejectsUnknownScenarios() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchOptions.parse(new String[] { "--scenarios", "password" }, (name) -> null));
	}

}
