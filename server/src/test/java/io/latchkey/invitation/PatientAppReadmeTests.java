package io.latchkey.invitation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.latchkey.test.ClientLibrarySupport;
import io.latchkey.test.FhirDemo;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Build a patient app" example, compiled and run as it stands in the README
 * against the embedded default's {@code demo-app} and the demo FHIR server, so the
 * example cannot drift from the library.
 */
class PatientAppReadmeTests extends ClientLibrarySupport {

	private static final Pattern EXAMPLE = Pattern.compile("## Build a patient app\\n.*?```java\\n(.*?)```",
			Pattern.DOTALL);

	private static FhirDemo fhir;

	@TempDir
	Path work;

	@BeforeAll
	static void startFhirServer() {
		fhir = FhirDemo.start(FHIR_BASE, ISSUER);
	}

	@AfterAll
	static void stopFhirServer() {
		fhir.close();
	}

	@Test
	void theExampleReadsTheInvitedPatientsObservationsTwice() throws Exception {
		Method main = compile(example()).getMethod("main", String[].class);
		String link = invite();

		String first = run(main, link);
		String second = run(main, link);

		assertThat(first).startsWith("200 ")
			.contains("\"resourceType\":\"Bundle\"", "obs-43-weight")
			.doesNotContain("obs-42");
		// The stored tokens are used; the link, used up, is not redeemed again.
		assertThat(second).startsWith("200 ").contains("obs-43-weight");
		assertThat(Files.exists(this.work.resolve("home/.patient-app/tokens"))).isTrue();
	}

	/** As the newcomer path invites pat.jones, with a subject of this test's own. */
	private String invite() {
		Response created = this.http.postJson("/api/admin/invitations",
				Map.of("client_id", "demo-app", "subject", "pat.jones-" + this.work.getFileName(), "patient", "pat-43"),
				"Authorization", TestHttp.bearer(adminToken()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("link").asString();
	}

	private static String example() throws IOException {
		Matcher matcher = EXAMPLE.matcher(Files.readString(Path.of("../README.md")));
		assertThat(matcher.find()).as("the README has a Java example under \"Build a patient app\"").isTrue();
		return matcher.group(1);
	}

	private Class<?> compile(String source) throws Exception {
		Path sources = Files.createDirectories(this.work.resolve("src"));
		Path classes = Files.createDirectories(this.work.resolve("classes"));
		Path file = Files.writeString(sources.resolve("PatientApp.java"), source);
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
				file.toString());
		assertThat(status).as("the README example compiles").isZero();
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, getClass().getClassLoader());
		return loader.loadClass("PatientApp");
	}

	/** Runs the example with its own home directory, answering what it printed. */
	private String run(Method main, String link) throws Exception {
		String home = System.getProperty("user.home");
		PrintStream out = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setProperty("user.home", this.work.resolve("home").toString());
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			main.invoke(null, (Object) new String[] { link, FHIR_BASE.toString() });
		}
		finally {
			System.setOut(out);
			System.setProperty("user.home", home);
		}
		// The server's log lines go to the same stream; the example's line starts with
		// the status.
		List<String> lines = printed.toString(StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> line.matches("\\d{3} .*"))
			.toList();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
	}

}
