package io.latchkey.authorization.keys;

import java.util.Locale;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The algorithms Latchkey signs with, each with the key it needs.
 */
enum SigningAlgorithm {

	/** ECDSA on P-256: access tokens. */
	ES256 {

		@Override
		JWK generate() throws JOSEException {
			return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyIDFromThumbprint(true)
				.generate();
		}

	},

	/** RSASSA-PKCS1-v1_5 with a 2048-bit key: ID tokens, as OpenID Connect requires. */
	RS256 {

		@Override
		JWK generate() throws JOSEException {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}

	};

	abstract JWK generate() throws JOSEException;

	static Optional<SigningAlgorithm> find(String name) {
		for (SigningAlgorithm algorithm : values()) {
			if (algorithm.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
				return Optional.of(algorithm);
			}
		}
		return Optional.empty();
	}

}
