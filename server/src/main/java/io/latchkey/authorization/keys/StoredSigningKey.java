package io.latchkey.authorization.keys;

import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;
import org.jspecify.annotations.Nullable;

/**
 * One row of the signing-key table: the public key in the clear, the private key sealed.
 *
 * @param kid the key id (the RFC 7638 thumbprint of the public key)
 * @param algorithm the algorithm the key signs with
 * @param state where the key is in its life
 * @param publicJwk the public key
 * @param sealedPrivateJwk the private JWK, encrypted under the master key
 * @param createdAt when the key was generated
 * @param activatedAt when the key started to sign
 * @param retiredAt when the key stopped being published
 */
record StoredSigningKey(String kid, SigningAlgorithm algorithm, SigningKeyState state, JWK publicJwk,
		byte[] sealedPrivateJwk, Instant createdAt, @Nullable Instant activatedAt, @Nullable Instant retiredAt) {

	@Override
	public String toString() {
		return "StoredSigningKey[kid=" + this.kid + ", algorithm=" + this.algorithm + ", state=" + this.state + "]";
	}

}
