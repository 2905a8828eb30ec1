package io.latchkey.authorization;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;
import io.latchkey.shared.MasterKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Public keys of every signing key the server ever had, active or retired, each only if
 * its sealed private key opens under the master key and matches it: someone who can write
 * the database but lacks the master key cannot slip in a key of their own. Used to check
 * signatures made long ago, such as the audit log's checkpoints.
 */
@Component
public class GenuineSigningKeys {

	private final JdbcClient jdbc;

	private final MasterKey masterKey;

	public GenuineSigningKeys(JdbcClient jdbc, MasterKey masterKey) {
		this.jdbc = jdbc;
		this.masterKey = masterKey;
	}

	/** The public key with this id, if there is a genuine one. */
	public Optional<JWK> publicKey(String kid) {
		return this.jdbc.sql("SELECT public_jwk, private_key_encrypted FROM signing_key WHERE kid = ?")
			.param(kid)
			.query((rs, row) -> {
				try {
					JWK publicKey = JWK.parse(rs.getString("public_jwk"));
					unseal(this.masterKey, kid, publicKey, rs.getBytes("private_key_encrypted"));
					return publicKey;
				}
				catch (ParseException | IllegalStateException | IllegalArgumentException ex) {
					return null;
				}
			})
			.optional();
	}

	/**
	 * Opens a sealed private key and checks that it belongs to the stored public key: the
	 * ciphertext carries no associated data, so a sealed key could be moved to another
	 * row.
	 * @throws IllegalStateException when it does not open or does not match
	 */
	public static JWK unseal(MasterKey masterKey, String kid, JWK publicKey, byte[] sealed) {
		byte[] json = masterKey.decrypt(sealed);
		try {
			JWK privateKey = JWK.parse(new String(json, StandardCharsets.UTF_8));
			if (!privateKey.isPrivate() || !kid.equals(privateKey.getKeyID())
					|| !privateKey.toPublicJWK().equals(publicKey)) {
				throw new IllegalStateException("Signing key " + kid + " does not match its stored public key");
			}
			return privateKey;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Signing key " + kid + " cannot be read");
		}
	}

}
