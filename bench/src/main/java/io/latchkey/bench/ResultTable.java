package io.latchkey.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints results as aligned text or as a Markdown table, one row per scenario.
 */
final class ResultTable {

	private static final String[] COLUMNS = { "scenario", "concurrency", "requests", "errors", "req/s", "p50 ms",
			"p99 ms" };

	private final PrintStream out;

	private final boolean markdown;

	ResultTable(PrintStream out, boolean markdown) {
		this.out = out;
		this.markdown = markdown;
	}

	void header() {
		if (this.markdown) {
			this.out.println("| " + String.join(" | ", COLUMNS) + " |");
			this.out.println("|---|--:|--:|--:|--:|--:|--:|");
		}
		else {
			this.out.println(format(COLUMNS));
		}
		this.out.flush();
	}

	void row(ScenarioResult result) {
		String[] cells = { result.scenario(), String.valueOf(result.concurrency()), String.valueOf(result.requests()),
				String.valueOf(result.errors()), number(result.requestsPerSecond(), 1), number(result.p50Millis(), 2),
				number(result.p99Millis(), 2) };
		this.out.println(this.markdown ? "| " + String.join(" | ", cells) + " |" : format(cells));
		this.out.flush();
	}

	private static String format(String[] cells) {
		return String.format(Locale.ROOT, "%-30s %11s %9s %7s %9s %8s %8s", (Object[]) cells);
	}

	static String number(double value, int decimals) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

}
