package io.latchkey.resource.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.X509CertificateConfirmation;
import com.sun.net.httpserver.HttpServer;

/**
 * An authorization server on loopback for the kit's own tests: it publishes metadata, a
 * SMART configuration and a JWKS, and signs tokens with its key as Latchkey would.
 */
final class TestIssuer implements AutoCloseable {

	private final HttpServer server;

	private final ECKey key;

	final URI issuer;

	TestIssuer() {
		try {
			this.key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.issuer = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		Map<String, Object> metadata = Map.of("issuer", this.issuer.toString(), "jwks_uri",
				this.issuer + "/oauth2/jwks", "token_endpoint", this.issuer + "/oauth2/token", "authorization_endpoint",
				this.issuer + "/oauth2/authorize", "response_types_supported", List.of("code"));
		serve("/.well-known/oauth-authorization-server", JSONObjectUtils.toJSONString(metadata));
		serve("/.well-known/smart-configuration", JSONObjectUtils.toJSONString(Map.of("issuer", this.issuer.toString(),
				"capabilities", List.of("launch-standalone"), "token_endpoint", this.issuer + "/oauth2/token")));
		serve("/oauth2/jwks", new JWKSet(this.key.toPublicJWK()).toString());
		this.server.start();
	}

	/** A token for {@code audience}, bound to {@code certificate} when one is given. */
	String token(String audience, String scope, String patient, X509Certificate certificate) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer.toString())
			.subject("person-1")
			.audience(audience)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("scope", scope)
			.claim("client_id", "app")
			.claim("patient", patient);
		JWTClaimsSet set = (certificate != null) ? X509CertificateConfirmation.of(certificate).applyTo(claims.build())
				: claims.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID()).build(),
					set);
			jwt.sign(new ECDSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void serve(String path, String json) {
		this.server.createContext(path, (exchange) -> {
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (var out = exchange.getResponseBody()) {
				out.write(body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
