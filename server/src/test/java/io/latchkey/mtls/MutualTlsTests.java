package io.latchkey.mtls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.authorization.JwtParts;
import io.latchkey.mtls.TestCertificates.Identity;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8705 over real TLS handshakes: both certificate client authentication methods,
 * certificate-bound access tokens, and their check at Latchkey's own resource endpoints.
 */
class MutualTlsTests extends ServerTestSupport {

	static final Identity CA = TestCertificates.authority("CN=Latchkey Test CA");

	static final Identity OTHER_CA = TestCertificates.authority("CN=Someone Else CA");

	static final Identity SERVER = TestCertificates.issue(CA, "CN=localhost",
			new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"));

	static final String PKI_DN = "CN=pki-client,O=Latchkey Test";

	static final Identity PKI_CLIENT = TestCertificates.issue(CA, PKI_DN);

	static final Identity PKI_CLIENT_OTHER_CA = TestCertificates.issue(OTHER_CA, PKI_DN);

	static final Identity PKI_CLIENT_OTHER_DN = TestCertificates.issue(CA, "CN=somebody-else,O=Latchkey Test");

	static final Identity SELF_SIGNED = TestCertificates.selfSigned("CN=self-signed-client");

	static final Identity SELF_SIGNED_OTHER = TestCertificates.selfSigned("CN=self-signed-client");

	static HttpServer jwks;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("latchkey-mtls");
		Files.writeString(dir.resolve("server.crt"), TestCertificates.pem(SERVER.certificate()));
		Files.writeString(dir.resolve("server.key"), TestCertificates.pkcs8(SERVER.keys().getPrivate()));
		Files.writeString(dir.resolve("ca.crt"), TestCertificates.pem(CA.certificate()));
		String bundle = "spring.ssl.bundle.pem.listener.";
		registry.add(bundle + "keystore.certificate", () -> dir.resolve("server.crt").toUri().toString());
		registry.add(bundle + "keystore.private-key", () -> dir.resolve("server.key").toUri().toString());
		registry.add(bundle + "truststore.certificate", () -> dir.resolve("ca.crt").toUri().toString());
		registry.add("server.ssl.bundle", () -> "listener");
		registry.add("server.ssl.client-auth", () -> "want");
		registry.add("latchkey.mtls.endpoint-base", () -> "https://mtls.latchkey.test:8443");
		jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] body = new JWKSet(jwk(SELF_SIGNED)).toString(true).getBytes(StandardCharsets.UTF_8);
		jwks.createContext("/jwks", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		jwks.start();
	}

	@AfterAll
	static void stopJwks() {
		jwks.stop(0);
	}

	private String base;

	@BeforeEach
	void registerClients() throws Exception {
		this.base = "https://localhost:" + this.port;
		TestHttp anonymous = over(null);
		String admin = anonymous.clientCredentialsToken("latchkey-admin", ADMIN_CLIENT_SECRET, "latchkey:admin");
		if (anonymous.get("/api/admin/clients/pki-client", "Authorization", bearer(admin)).status() == 404) {
			Response pki = anonymous.postJson("/api/admin/clients",
					Map.of("client_id", "pki-client", "client_name", "PKI client", "type", "confidential",
							"grant_types", List.of("client_credentials"), "scopes", List.of("latchkey:admin"),
							"token_endpoint_auth_method", "tls_client_auth", "tls_client_auth_subject_dn",
							"CN=pki-client, O=Latchkey Test", "tls_client_certificate_bound_access_tokens", true),
					"Authorization", bearer(admin));
			assertThat(pki.status()).as(pki.body()).isEqualTo(201);
			assertThat(pki.json().has("client_secret")).isFalse();
			Response selfSigned = anonymous.postJson("/api/admin/clients",
					Map.of("client_id", "self-signed-client", "client_name", "Self-signed client", "type",
							"confidential", "grant_types", List.of("client_credentials"), "scopes",
							List.of("latchkey:admin"), "token_endpoint_auth_method", "self_signed_tls_client_auth",
							"jwks_uri", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
							"tls_client_certificate_bound_access_tokens", true),
					"Authorization", bearer(admin));
			assertThat(selfSigned.status()).as(selfSigned.body()).isEqualTo(201);
		}
	}

	@Test
	void tlsClientAuthWithTheRightCertificateGetsATokenBoundToIt() throws Exception {
		Response response = token(PKI_CLIENT, "pki-client");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String accessToken = response.json().get("access_token").asString();
		assertThat(JwtParts.claims(accessToken).get("cnf").get("x5t#S256").asString())
			.isEqualTo(thumbprint(PKI_CLIENT));
	}

	@Test
	void tlsClientAuthWithACertificateFromAnotherCaIsInvalidClient() throws Exception {
		Response response = token(PKI_CLIENT_OTHER_CA, "pki-client");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void tlsClientAuthWithAnotherSubjectIsInvalidClient() throws Exception {
		Response response = token(PKI_CLIENT_OTHER_DN, "pki-client");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void tlsClientAuthWithoutACertificateIsInvalidClient() throws Exception {
		Response response = token(null, "pki-client");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void selfSignedClientWithTheCertificateOfItsJwksGetsATokenBoundToIt() throws Exception {
		Response response = token(SELF_SIGNED, "self-signed-client");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(
				JwtParts.claims(response.json().get("access_token").asString()).get("cnf").get("x5t#S256").asString())
			.isEqualTo(thumbprint(SELF_SIGNED));
	}

	@Test
	void selfSignedClientWithAnotherCertificateIsInvalidClient() throws Exception {
		Response response = token(SELF_SIGNED_OTHER, "self-signed-client");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void boundTokenIsAcceptedOnlyOverAConnectionWithTheSameCertificate() throws Exception {
		String accessToken = token(PKI_CLIENT, "pki-client").json().get("access_token").asString();
		String path = "/api/admin/clients/pki-client";

		assertThat(over(PKI_CLIENT).get(path, "Authorization", bearer(accessToken)).status()).isEqualTo(200);
		Response withoutCertificate = over(null).get(path, "Authorization", bearer(accessToken));
		assertThat(withoutCertificate.status()).isEqualTo(401);
		assertThat(withoutCertificate.header("WWW-Authenticate")).contains("invalid_token");
		Response otherCertificate = over(PKI_CLIENT_OTHER_DN).get(path, "Authorization", bearer(accessToken));
		assertThat(otherCertificate.status()).isEqualTo(401);
		assertThat(otherCertificate.header("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void introspectionReturnsTheConfirmation() throws Exception {
		String accessToken = token(SELF_SIGNED, "self-signed-client").json().get("access_token").asString();

		Response response = over(null).postForm("/oauth2/introspect", params("token", accessToken), "Authorization",
				basic("latchkey-admin", ADMIN_CLIENT_SECRET));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("active").asBoolean()).isTrue();
		assertThat(response.json().get("cnf").get("x5t#S256").asString()).isEqualTo(thumbprint(SELF_SIGNED));
	}

	@Test
	void metadataAdvertisesBoundTokensAndEndpointAliases() throws Exception {
		Response response = over(null).get("/.well-known/oauth-authorization-server");

		assertThat(response.json().get("tls_client_certificate_bound_access_tokens").asBoolean()).isTrue();
		assertThat(response.json().get("token_endpoint_auth_methods_supported").toString()).contains("tls_client_auth",
				"self_signed_tls_client_auth");
		assertThat(response.json().get("mtls_endpoint_aliases").get("token_endpoint").asString())
			.isEqualTo("https://mtls.latchkey.test:8443/oauth2/token");
	}

	@Test
	void openIdConfigurationAdvertisesTheSame() throws Exception {
		Response response = over(null).get("/.well-known/openid-configuration");

		assertThat(response.json().get("tls_client_certificate_bound_access_tokens").asBoolean()).isTrue();
		assertThat(response.json().get("mtls_endpoint_aliases").get("introspection_endpoint").asString())
			.isEqualTo("https://mtls.latchkey.test:8443/oauth2/introspect");
	}

	@Test
	void registrationNeedsWhatIdentifiesTheCertificate() throws Exception {
		TestHttp anonymous = over(null);
		String admin = anonymous.clientCredentialsToken("latchkey-admin", ADMIN_CLIENT_SECRET, "latchkey:admin");
		Map<String, Object> withoutDn = Map.of("client_name", "No DN", "type", "confidential", "grant_types",
				List.of("client_credentials"), "token_endpoint_auth_method", "tls_client_auth");
		Map<String, Object> withoutJwks = Map.of("client_name", "No JWKS", "type", "confidential", "grant_types",
				List.of("client_credentials"), "token_endpoint_auth_method", "self_signed_tls_client_auth");
		Map<String, Object> boundWithSecret = Map.of("client_name", "Bound with a secret", "type", "confidential",
				"grant_types", List.of("client_credentials"), "tls_client_certificate_bound_access_tokens", true);

		for (Map<String, Object> request : List.of(withoutDn, withoutJwks, boundWithSecret)) {
			Response response = anonymous.postJson("/api/admin/clients", request, "Authorization", bearer(admin));
			assertThat(response.status()).as(response.body()).isEqualTo(400);
		}
	}

	private Response token(Identity identity, String clientId) throws Exception {
		return over(identity).postForm("/oauth2/token",
				params("grant_type", "client_credentials", "client_id", clientId, "scope", "latchkey:admin"));
	}

	private TestHttp over(Identity identity) throws Exception {
		return new TestHttp(this.base, TestCertificates.client(CA, identity));
	}

	private static String thumbprint(Identity identity) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private static JWK jwk(Identity identity) {
		try {
			return JWK.parse(identity.certificate());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
