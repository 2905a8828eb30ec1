package io.latchkey.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.latchkey.fhirdemo.FhirDemoServer;
import io.latchkey.resource.ResourceServerSettings;
import org.apache.catalina.LifecycleException;

/**
 * The demo FHIR server (module {@code fhir-demo}) on a port chosen beforehand, so that
 * Latchkey can be told its base URL before either starts; it trusts tokens of
 * {@code issuer} and allows no clock skew, so a token is refused the moment it expires.
 */
public final class FhirDemo implements AutoCloseable {

	public final URI base;

	private final FhirDemoServer server;

	private FhirDemo(URI base, FhirDemoServer server) {
		this.base = base;
		this.server = server;
	}

	/** A base URL on a free port, for {@code latchkey.smart.fhir-base-urls}. */
	public static URI freeBase() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return URI.create("http://localhost:" + socket.getLocalPort() + "/fhir");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static FhirDemo start(URI base, URI issuer) {
		try {
			ResourceServerSettings settings = new ResourceServerSettings(issuer, base, Duration.ZERO,
					ResourceServerSettings.DEFAULT_JWKS_CACHE_TTL, ResourceServerSettings.DEFAULT_METADATA_CACHE_TTL);
			return new FhirDemo(base, FhirDemoServer.start(base.getPort(), settings, Clock.systemUTC()));
		}
		catch (LifecycleException | IOException ex) {
			throw new IllegalStateException("the demo FHIR server did not start", ex);
		}
	}

	/** Raw HTTP to the FHIR server's origin. */
	public TestHttp http() {
		return new TestHttp(this.base.getScheme() + "://" + this.base.getRawAuthority());
	}

	public URI resolve(String path) {
		return URI.create(this.base + "/" + path);
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
