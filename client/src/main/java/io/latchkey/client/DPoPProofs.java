package io.latchkey.client;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import org.jspecify.annotations.Nullable;

/**
 * Makes DPoP proofs (RFC 9449) with the app's key, and remembers the latest
 * {@code DPoP-Nonce} each server handed out: the authorization server and every resource
 * server keep nonces of their own (section 8 and 9).
 */
final class DPoPProofs {

	private final DefaultDPoPProofFactory factory;

	private final Map<String, Nonce> nonces = new ConcurrentHashMap<>();

	DPoPProofs(JWK key) {
		try {
			this.factory = new DefaultDPoPProofFactory(key, algorithmFor(key));
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("not a key for DPoP proofs", ex);
		}
	}

	/** A fresh P-256 key, held only in memory. */
	static ECKey generateKey() {
		try {
			return new ECKeyGenerator(Curve.P_256).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("no P-256 key generator", ex);
		}
	}

	SignedJWT proof(String method, URI target, @Nullable String accessToken) throws IOException {
		URI htu = withoutQuery(target);
		Nonce nonce = this.nonces.get(origin(target));
		try {
			return (accessToken != null)
					? this.factory.createDPoPJWT(method, htu, new DPoPAccessToken(accessToken), nonce)
					: this.factory.createDPoPJWT(method, htu, nonce);
		}
		catch (JOSEException ex) {
			throw new IOException("could not sign a DPoP proof", ex);
		}
	}

	/** Remembers a nonce a server sent; answers whether it was new. */
	boolean remember(URI target, @Nullable String nonce) {
		if (nonce == null || nonce.isBlank()) {
			return false;
		}
		Nonce previous = this.nonces.put(origin(target), new Nonce(nonce));
		return previous == null || !previous.getValue().equals(nonce);
	}

	private static JWSAlgorithm algorithmFor(JWK key) {
		if (key instanceof ECKey ec) {
			return switch (ec.getCurve().getName()) {
				case "P-384" -> JWSAlgorithm.ES384;
				case "P-521" -> JWSAlgorithm.ES512;
				default -> JWSAlgorithm.ES256;
			};
		}
		return JWSAlgorithm.RS256;
	}

	/** The {@code htu} claim leaves out query and fragment (RFC 9449 section 4.2). */
	private static URI withoutQuery(URI target) {
		return URI.create(target.getScheme() + "://" + target.getRawAuthority()
				+ ((target.getRawPath() != null) ? target.getRawPath() : ""));
	}

	private static String origin(URI target) {
		return target.getScheme() + "://" + target.getRawAuthority();
	}

}
