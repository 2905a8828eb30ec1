package io.latchkey.resource.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.latchkey.resource.PatientCompartment;
import io.latchkey.resource.VerifiedAccessToken;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit as a Spring Boot starter: setting {@code latchkey.resource.fhir-base-url} puts
 * the filter in front of the application's FHIR endpoints, here on HTTPS with client
 * certificates requested, so that certificate-bound tokens (RFC 8705) count only over a
 * connection that presented their certificate.
 */
@SpringBootTest(classes = LatchkeyResourceAutoConfigurationTests.FhirApp.class,
		webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LatchkeyResourceAutoConfigurationTests {

	private static final int PORT = freePort();

	private static final String BASE = "https://localhost:" + PORT + "/fhir";

	private static final TestIssuer ISSUER = new TestIssuer();

	private static final TestCertificates.Identity SERVER = TestCertificates.selfSigned("CN=localhost", "localhost");

	private static final TestCertificates.Identity DEVICE = TestCertificates.selfSigned("CN=device", null);

	private static final TestCertificates.Identity THIEF = TestCertificates.selfSigned("CN=thief", null);

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("resource-tls");
		Path certificate = Files.writeString(dir.resolve("server.crt"), SERVER.certificatePem());
		Path key = Files.writeString(dir.resolve("server.key"), SERVER.privateKeyPem());
		Path clients = Files.writeString(dir.resolve("clients.crt"), DEVICE.certificatePem() + THIEF.certificatePem());
		registry.add("server.port", () -> PORT);
		registry.add("server.ssl.bundle", () -> "fhir");
		registry.add("server.ssl.client-auth", () -> "want");
		registry.add("spring.ssl.bundle.pem.fhir.keystore.certificate", () -> "file:" + certificate);
		registry.add("spring.ssl.bundle.pem.fhir.keystore.private-key", () -> "file:" + key);
		registry.add("spring.ssl.bundle.pem.fhir.truststore.certificate", () -> "file:" + clients);
		registry.add("latchkey.resource.issuer", () -> ISSUER.issuer.toString());
		registry.add("latchkey.resource.fhir-base-url", () -> BASE);
	}

	@AfterAll
	static void stopIssuer() {
		ISSUER.close();
	}

	@Test
	void aBearerTokenForThisServerReachesTheApplication() throws Exception {
		String token = ISSUER.token(BASE, "patient/*.rs", "p", null);

		HttpResponse<String> response = get("/Patient/p", token, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("person-1 reads p");
		assertThat(get("/Patient/q", token, null).statusCode()).isEqualTo(403);
	}

	@Test
	void withoutATokenTheChallengeNamesBothSchemes() throws Exception {
		HttpResponse<String> response = get("/Patient/p", null, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).anyMatch((value) -> value.startsWith("Bearer "))
			.anyMatch((value) -> value.startsWith("DPoP "));
	}

	@Test
	void aCertificateBoundTokenCountsOnlyWithItsCertificate() throws Exception {
		String token = ISSUER.token(BASE, "patient/*.rs", "p", DEVICE.certificate());

		HttpResponse<String> holder = get("/Patient/p", token, DEVICE);
		HttpResponse<String> thief = get("/Patient/p", token, THIEF);
		HttpResponse<String> noCertificate = get("/Patient/p", token, null);

		assertThat(holder.statusCode()).as(holder.body()).isEqualTo(200);
		assertThat(thief.statusCode()).isEqualTo(401);
		assertThat(thief.headers().firstValue("WWW-Authenticate")).get().asString().contains("error=\"invalid_token\"");
		assertThat(noCertificate.statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenForAnotherServerIsRefused() throws Exception {
		String token = ISSUER.token("https://other.example/fhir", "patient/*.rs", "p", null);

		HttpResponse<String> response = get("/Patient/p", token, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get()
			.asString()
			.contains("error=\"invalid_token\"");
	}

	@Test
	void theIssuersSmartConfigurationIsServedUnderTheBase() throws Exception {
		HttpResponse<String> response = get("/.well-known/smart-configuration", null, null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"issuer\":\"" + ISSUER.issuer + "\"", "launch-standalone");
	}

	@Test
	void malformedRequestsGetRefusalsNeverA5xx() throws Exception {
		String valid = ISSUER.token(BASE, "patient/*.rs", "p", null);
		String[] authorizations = { "Bearer", "Bearer  ", "Basic cDpw", "Bearer a.b.c", "Bearer " + "A".repeat(20000),
				"DPoP " + valid, "Bearer " + valid + " extra", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
				"Bearer " + valid.substring(0, valid.lastIndexOf('.')) };
		String[] paths = { "/Patient/p", "/", "//Patient/p", "/Patient/p/_history/1/x", "/$export", "/Patient/..",
				"/Patient/p;x=y", "/Patient/%2e%2e", "/Patient?_id=p&_id=q", "/Patient/p/Observation?patient.name=x" };
		SSLContext tls = TestCertificates.client(SERVER, null);
		try (HttpClient client = HttpClient.newBuilder().sslContext(tls).build()) {
			for (String authorization : authorizations) {
				for (String path : paths) {
					HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(BASE + path))
						.header("Authorization", authorization)
						.header("DPoP", "not a proof")
						.build(), HttpResponse.BodyHandlers.ofString());
					assertThat(response.statusCode()).as(authorization.length() + " " + path).isBetween(400, 499);
				}
			}
			HttpResponse<String> twoHeaders = client.send(HttpRequest.newBuilder(URI.create(BASE + "/Patient/p"))
				.header("Authorization", "Bearer " + valid)
				.header("Authorization", "Bearer " + valid)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(twoHeaders.statusCode()).isEqualTo(400);
		}
	}

	private static HttpResponse<String> get(String path, String token, TestCertificates.Identity identity)
			throws Exception {
		SSLContext tls = TestCertificates.client(SERVER, identity);
		try (HttpClient client = HttpClient.newBuilder().sslContext(tls).build()) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A FHIR application that answers who read which patient. */
	@SpringBootApplication
	@RestController
	static class FhirApp {

		@Bean
		PatientCompartment compartment() {
			return (type, id) -> Optional.empty();
		}

		@GetMapping("/fhir/Patient/{id}")
		String patient(@PathVariable String id, HttpServletRequest request) {
			VerifiedAccessToken token = (VerifiedAccessToken) request.getAttribute(VerifiedAccessToken.ATTRIBUTE);
			return token.subject() + " reads " + id;
		}

	}

}
