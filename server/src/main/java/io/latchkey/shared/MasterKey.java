package io.latchkey.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The server's master key: encrypts secrets at rest (AES-256-GCM) and derives
 * purpose-bound subkeys (HMAC-SHA256), so one environment variable protects them all.
 */
@Component
public class MasterKey {

	private static final Log logger = LogFactory.getLog(MasterKey.class);

	private static final int NONCE_BYTES = 12;

	private final SecretKeySpec key;

	public MasterKey(LatchkeyProperties properties) {
		this.key = new SecretKeySpec(load(properties), "AES");
	}

	private static byte[] load(LatchkeyProperties properties) {
		if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
			byte[] bytes = Base64.getDecoder().decode(properties.masterKey().trim());
			if (bytes.length != 32) {
				throw new IllegalStateException("LATCHKEY_MASTER_KEY must be base64 of exactly 32 bytes");
			}
			return bytes;
		}
		Path file = properties.dataDir().resolve("master.key");
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			Files.createDirectories(file.getParent());
			byte[] bytes = Secrets.randomBytes(32);
			Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
			restrictToOwner(file);
			logger.warn("No LATCHKEY_MASTER_KEY set: generated one in " + file.toAbsolutePath()
					+ "; set LATCHKEY_MASTER_KEY on every node of a cluster");
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the master key file " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system; the directory's permissions apply.
		}
	}

	public byte[] encrypt(byte[] plaintext) {
		try {
			byte[] nonce = Secrets.randomBytes(NONCE_BYTES);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	public byte[] decrypt(byte[] ciphertext) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, ciphertext, 0, NONCE_BYTES));
			return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt: wrong master key or corrupted data", ex);
		}
	}

	/** A 256-bit key for one purpose, so that no two uses share key material. */
	public byte[] derive(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key.getEncoded(), "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", ex);
		}
	}

}
