package io.latchkey.authorization;

import java.util.Map;

import io.latchkey.shared.MasterKey;
import io.latchkey.shared.Secrets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Generates client secrets and checks them. Secrets Latchkey makes carry 256 bits and are
 * stored as {@code {hmac-sha256}…}; a bcrypt hash imported from elsewhere still verifies
 * and is re-hashed on its next successful use.
 */
@Component
public class ClientSecrets {

	private final PasswordEncoder encoder;

	ClientSecrets(MasterKey masterKey) {
		this.encoder = new DelegatingPasswordEncoder(ClientSecretEncoder.ID, Map.of(ClientSecretEncoder.ID,
				new ClientSecretEncoder(masterKey), "bcrypt", new BCryptPasswordEncoder()));
	}

	/** A fresh 256-bit secret, returned once to whoever registers the client. */
	public String generate() {
		return Secrets.random(32);
	}

	public String hash(String secret) {
		return this.encoder.encode(secret);
	}

	PasswordEncoder encoder() {
		return this.encoder;
	}

}
