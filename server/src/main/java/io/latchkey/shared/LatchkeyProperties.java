package io.latchkey.shared;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module may read.
 *
 * @param issuer the issuer identifier published in metadata and tokens
 * @param dataDir where the embedded default keeps its files (H2 database, master key)
 * @param masterKey base64 of 32 random bytes that encrypts signing keys at rest and keys
 * client-secret hashes; generated under {@code dataDir} when absent
 */
@ConfigurationProperties("latchkey")
public record LatchkeyProperties(@DefaultValue("http://localhost:9000") URI issuer,
		@DefaultValue("./data") Path dataDir, String masterKey) {

	public LatchkeyProperties {
		if (!issuer.isAbsolute() || issuer.getQuery() != null || issuer.getFragment() != null) {
			throw new IllegalArgumentException("latchkey.issuer must be an absolute URL without query or fragment");
		}
	}

}
