package io.latchkey.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The command line.
 *
 * @param issuer the server's issuer URL
 * @param discover whether to read endpoints from the OpenID Provider metadata
 * @param endpointOverrides endpoints given explicitly, by option name
 * @param client the confidential client
 * @param clientScope scope to request with {@code client_credentials}, or {@code null}
 * @param browser the public client and user, or {@code null} without a password
 * @param scenarios the scenarios to run, in order
 * @param scenariosGiven whether {@code --scenarios} was given
 * @param concurrency concurrent workers
 * @param warmUp warm-up time per scenario
 * @param duration measuring time per scenario
 * @param requests total requests per scenario instead of a duration, or 0
 * @param seed authorizations to create before measuring, or 0
 * @param markdown whether to print a Markdown table
 * @param timeout per-request timeout
 * @param rate iterations per second all workers together may start, or 0 for as many as
 * they can
 */
record BenchOptions(URI issuer, boolean discover, Map<String, URI> endpointOverrides, ClientCredentials client,
		String clientScope, BrowserSettings browser, List<String> scenarios, boolean scenariosGiven, int concurrency,
		Duration warmUp, Duration duration, long requests, long seed, boolean markdown, Duration timeout, double rate) {

	static final String USAGE = """
			Usage: java -jar latchkey-bench.jar [options]

			Target
			  --issuer URL                 issuer (default http://localhost:9000)
			  --discover                   read endpoints from <issuer>/.well-known/openid-configuration
			  --authorization-endpoint URL, --token-endpoint URL, --jwks-uri URL, --introspection-endpoint URL
			                               override single endpoints (default: Spring Authorization Server paths)
			Confidential client (client_credentials, introspection, seed)
			  --client-id ID               (default latchkey-admin)
			  --client-secret SECRET       or environment variable BENCH_CLIENT_SECRET
			  --client-auth basic|post     (default basic)
			  --client-scope SCOPE         scope to request (default: none, the server decides)
			User and public client (refresh, authorization_code)
			  --username NAME              (default admin)
			  --password PASSWORD          or environment variable BENCH_PASSWORD
			  --public-client-id ID        (default demo-app)
			  --redirect-uri URL           (default http://127.0.0.1:8765/callback; nothing needs to listen)
			  --user-scope SCOPE           (default "openid offline_access")
			Load
			  --scenarios LIST             comma-separated; default all: %s
			  --concurrency N              concurrent workers (default 16)
			  --duration TIME              measuring time per scenario, e.g. 20s, 2m (default 20s)
			  --requests N                 measure N requests per scenario instead of a duration
			  --warm-up TIME               unmeasured warm-up per scenario (default 5s)
			  --timeout TIME               per-request timeout (default 30s)
			  --rate N                     start at most N iterations per second, all workers together
			                               (default: as many as they can); for a soak below the peak
			  --seed N                     first create N authorizations with client_credentials grants;
			                               scenarios then run only if --scenarios is given
			Output
			  --markdown                   print a Markdown table instead of aligned text
			""".formatted(String.join(",", Scenarios.NAMES));

	private static final Set<String> FLAGS = Set.of("discover", "markdown", "help");

	private static final List<String> ENDPOINTS = List.of("authorization-endpoint", "token-endpoint", "jwks-uri",
			"introspection-endpoint");

	private static final Set<String> VALUED = Set.of("issuer", "client-id", "client-secret", "client-auth",
			"client-scope", "username", "password", "public-client-id", "redirect-uri", "user-scope", "scenarios",
			"concurrency", "duration", "requests", "warm-up", "timeout", "seed", "rate", "authorization-endpoint",
			"token-endpoint", "jwks-uri", "introspection-endpoint");

	/**
	 * Parses the arguments; returns {@code null} when help was asked for.
	 */
	static BenchOptions parse(String[] args, Function<String, String> environment) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument: " + arg);
			}
			String name = arg.substring(2);
			String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (FLAGS.contains(name)) {
				values.put(name, (value != null) ? value : "true");
			}
			else if (VALUED.contains(name)) {
				if (value == null) {
					if (i + 1 >= args.length) {
						throw new IllegalArgumentException("--" + name + " needs a value");
					}
					value = args[++i];
				}
				values.put(name, value);
			}
			else {
				throw new IllegalArgumentException("Unknown option --" + name);
			}
		}
		if (Boolean.parseBoolean(values.get("help"))) {
			return null;
		}
		URI issuer = URI.create(values.getOrDefault("issuer", "http://localhost:9000"));
		Map<String, URI> overrides = new HashMap<>();
		ENDPOINTS.stream()
			.filter(values::containsKey)
			.forEach((name) -> overrides.put(name, URI.create(values.get(name))));
		String secret = values.getOrDefault("client-secret", environment.apply("BENCH_CLIENT_SECRET"));
		ClientCredentials.AuthMethod method = ClientCredentials.AuthMethod
			.parse(values.getOrDefault("client-auth", "basic"));
		ClientCredentials client = new ClientCredentials(values.getOrDefault("client-id", "latchkey-admin"), secret,
				(secret != null) ? method : ClientCredentials.AuthMethod.NONE);
		String password = values.getOrDefault("password", environment.apply("BENCH_PASSWORD"));
		BrowserSettings browser = (password != null)
				? new BrowserSettings(values.getOrDefault("public-client-id", "demo-app"),
						URI.create(values.getOrDefault("redirect-uri", "http://127.0.0.1:8765/callback")),
						values.getOrDefault("user-scope", "openid offline_access"),
						values.getOrDefault("username", "admin"), password)
				: null;
		List<String> scenarios = Arrays
			.stream(values.getOrDefault("scenarios", String.join(",", Scenarios.NAMES)).split(","))
			.map(String::trim)
			.filter((name) -> !name.isEmpty())
			.toList();
		scenarios.forEach((name) -> {
			if (!Scenarios.NAMES.contains(name)) {
				throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: " + Scenarios.NAMES);
			}
		});
		int concurrency = positive("concurrency", Integer.parseInt(values.getOrDefault("concurrency", "16")));
		long requests = Long.parseLong(values.getOrDefault("requests", "0"));
		long seed = Long.parseLong(values.getOrDefault("seed", "0"));
		double rate = Double.parseDouble(values.getOrDefault("rate", "0"));
		if (rate < 0) {
			throw new IllegalArgumentException("--rate must not be negative");
		}
		return new BenchOptions(issuer, Boolean.parseBoolean(values.get("discover")), Map.copyOf(overrides), client,
				values.get("client-scope"), browser, scenarios, values.containsKey("scenarios"), concurrency,
				duration(values.getOrDefault("warm-up", "5s")), duration(values.getOrDefault("duration", "20s")),
				requests, seed, Boolean.parseBoolean(values.get("markdown")),
				duration(values.getOrDefault("timeout", "30s")), rate);
	}

	/**
	 * Reads {@code 500ms}, {@code 20s}, {@code 2m}, {@code 1h}, or a bare number of
	 * seconds.
	 */
	static Duration duration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		char unit = value.charAt(value.length() - 1);
		if (Character.isDigit(unit)) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		long amount = Long.parseLong(value.substring(0, value.length() - 1));
		return switch (unit) {
			case 's' -> Duration.ofSeconds(amount);
			case 'm' -> Duration.ofMinutes(amount);
			case 'h' -> Duration.ofHours(amount);
			default -> throw new IllegalArgumentException("Unknown duration: " + text);
		};
	}

	private static int positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("--" + name + " must be at least 1");
		}
		return value;
	}

	URI endpoint(String name) {
		return this.endpointOverrides.get(name);
	}

}
