package io.latchkey.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * axe-core (from its webjar) run in the page the browser shows, against WCAG 2.0 and 2.1
 * A and AA.
 */
public final class Accessibility {

	private static final String AXE = load();

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				.then((result) => done(result.violations
					.filter((v) => v.impact === 'serious' || v.impact === 'critical')
					.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
				.catch((error) => done(['axe failed: ' + error]));
			""";

	private Accessibility() {
	}

	/** The serious and critical violations on the page, one line each. */
	@SuppressWarnings("unchecked")
	public static List<String> seriousViolations(WebDriver browser) {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript(AXE);
		return (List<String>) script.executeAsyncScript(RUN);
	}

	private static String load() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:META-INF/resources/webjars/axe-core/*/axe.min.js");
			if (found.length == 0) {
				throw new IllegalStateException("axe-core is not on the test class path");
			}
			try (InputStream in = found[0].getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
