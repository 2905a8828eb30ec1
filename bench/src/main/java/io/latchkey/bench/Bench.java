package io.latchkey.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drives a running OAuth 2 / OpenID Connect server with concurrent clients and prints
 * throughput and latency per scenario.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		PrintStream log = System.err;
		BenchOptions options;
		try {
			options = BenchOptions.parse(args, System::getenv);
		}
		catch (IllegalArgumentException ex) {
			log.println(ex.getMessage());
			log.println();
			log.print(BenchOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options == null) {
			System.out.print(BenchOptions.USAGE);
			return;
		}
		OAuthHttp http = new OAuthHttp(options.timeout());
		Endpoints endpoints = options.discover() ? Endpoints.discover(http, options.issuer())
				: Endpoints.defaults(options.issuer());
		endpoints = endpoints.with(options.endpoint("authorization-endpoint"), options.endpoint("token-endpoint"),
				options.endpoint("jwks-uri"), options.endpoint("introspection-endpoint"));
		log.printf("run: %s, %d processors, Java %s, load average %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
				Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
		log.printf("target: %s (token %s), concurrency %d%n", options.issuer(), endpoints.token(),
				options.concurrency());
		Target target = new Target(http, endpoints, options.client(), options.clientScope(), options.browser(),
				options.timeout());
		if (options.seed() > 0) {
			long seeded = new Seeder(target, options.concurrency(), log).seed(options.seed());
			log.printf("seed: %d authorizations created%n", seeded);
			if (!options.scenariosGiven()) {
				return;
			}
		}
		LoadRunner runner = new LoadRunner(options.concurrency(), options.warmUp(), options.duration(),
				options.requests(), options.rate(), log);
		ResultTable table = new ResultTable(System.out, options.markdown());
		List<ScenarioResult> results = new ArrayList<>();
		boolean headerPrinted = false;
		for (String name : options.scenarios()) {
			List<ScenarioResult> scenarioResults = runner.run(Scenarios.named(name, target));
			if (!headerPrinted) {
				table.header();
				headerPrinted = true;
			}
			scenarioResults.forEach(table::row);
			results.addAll(scenarioResults);
		}
		for (ScenarioResult result : results) {
			if (result.note() != null) {
				log.printf("%s: not run, %s%n", result.scenario(), result.note());
			}
			result.errorsByKind().forEach((kind, count) -> log.printf("%s: %d × %s%n", result.scenario(), count, kind));
		}
		log.printf("done: %s, load average %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), loadAverage());
	}

	// The load generator shares the machine with the server; a busy machine
	// explains odd figures.
	static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return (load >= 0) ? String.format(Locale.ROOT, "%.2f", load) : "n/a";
	}

}
