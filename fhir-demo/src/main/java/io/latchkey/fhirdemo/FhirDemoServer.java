package io.latchkey.fhirdemo;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;

import io.latchkey.resource.LatchkeyResourceFilter;
import io.latchkey.resource.ResourceServerSettings;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A small FHIR server (Patient and Observation, read and search) protected by the
 * resource-server kit as a plain servlet filter on embedded Tomcat:
 * {@code java -jar fhir-demo/target/fhir-demo.jar}. Settings from the environment:
 * {@code FHIR_DEMO_PORT} (default 8090), {@code LATCHKEY_ISSUER} (default
 * {@code http://localhost:9000}) and {@code FHIR_DEMO_BASE_URL} (default
 * {@code http://localhost:<port>/fhir}).
 */
public final class FhirDemoServer implements AutoCloseable {

	private final Tomcat tomcat;

	private FhirDemoServer(Tomcat tomcat) {
		this.tomcat = tomcat;
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(setting("FHIR_DEMO_PORT", "8090"));
		URI issuer = URI.create(setting("LATCHKEY_ISSUER", "http://localhost:9000"));
		URI base = URI.create(setting("FHIR_DEMO_BASE_URL", "http://localhost:" + port + "/fhir"));
		FhirDemoServer server = start(port, ResourceServerSettings.of(issuer, base), Clock.systemUTC());
		System.out.println("Demo FHIR server at " + base + " (tokens from " + issuer + ")");
		server.tomcat.getServer().await();
	}

	/**
	 * Starts on {@code port} (0 for any) with the FHIR base at the path of the settings'
	 * base URL.
	 */
	public static FhirDemoServer start(int port, ResourceServerSettings settings, Clock clock)
			throws LifecycleException, IOException {
		FhirStore store = FhirStore.bundled();
		Tomcat tomcat = new Tomcat();
		File workDir = Files.createTempDirectory("fhir-demo").toFile();
		workDir.deleteOnExit();
		tomcat.setBaseDir(workDir.getAbsolutePath());
		tomcat.setPort(port);
		Context context = tomcat.addContext("", null);
		String basePath = settings.basePath();
		Tomcat.addServlet(context, "fhir",
				new FhirServlet(store, settings.fhirBaseUrl().toString(), settings.issuer().toString()));
		context.addServletMappingDecoded(basePath + "/*", "fhir");
		FilterDef filter = new FilterDef();
		filter.setFilterName("latchkey");
		filter.setFilter(new LatchkeyResourceFilter(settings, store, clock));
		context.addFilterDef(filter);
		FilterMap mapping = new FilterMap();
		mapping.setFilterName("latchkey");
		mapping.addURLPatternDecoded(basePath + "/*");
		context.addFilterMap(mapping);
		tomcat.getConnector();
		tomcat.start();
		return new FhirDemoServer(tomcat);
	}

	/** The port it listens on. */
	public int port() {
		return this.tomcat.getConnector().getLocalPort();
	}

	@Override
	public void close() throws LifecycleException {
		this.tomcat.stop();
		this.tomcat.destroy();
	}

	private static String setting(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
