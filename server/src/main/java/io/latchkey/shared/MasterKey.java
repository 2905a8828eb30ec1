package io.latchkey.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import javax.crypto.Cipher;
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

	private static final int KEY_BYTES = 32;

	private final SecretKeySpec key;

	public MasterKey(LatchkeyProperties properties) {
		this.key = new SecretKeySpec(load(properties), "AES");
	}

	private static byte[] load(LatchkeyProperties properties) {
		if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
			return decode(properties.masterKey(), "LATCHKEY_MASTER_KEY");
		}
		Path file = properties.dataDir().resolve("master.key");
		try {
			if (Files.exists(file)) {
				warnIfOthersMayRead(file);
				return decode(Files.readString(file), "The master key file " + file.toAbsolutePath());
			}
			byte[] bytes = Secrets.randomBytes(32);
			create(file, Base64.getEncoder().encodeToString(bytes));
			logger.warn("No LATCHKEY_MASTER_KEY set: generated one in " + file.toAbsolutePath()
					+ "; set LATCHKEY_MASTER_KEY on every node of a cluster");
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the master key file " + file, ex);
		}
	}

	/**
	 * Base64 of exactly 32 bytes, else a refusal to start that names where the key came
	 * from and never quotes it (the decoder's own message shows an offending character).
	 */
	private static byte[] decode(String encoded, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded.trim());
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalStateException(
					source + " must hold base64 of exactly " + KEY_BYTES + " random bytes (openssl rand -base64 32)");
		}
		return bytes;
	}

	/**
	 * Writes the key into a file that is owner-only from its creation, then moves it into
	 * place in one step, so the key is never readable by others nor seen half-written.
	 */
	private static void create(Path file, String encoded) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
		Path temporary = posix
				? Files.createTempFile(directory, ".master.key", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(directory, ".master.key", ".tmp");
		try {
			if (!posix) {
				restrictToOwner(temporary);
			}
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(encoded.getBytes(StandardCharsets.US_ASCII)));
				channel.force(true);
			}
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void warnIfOthersMayRead(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
				&& !PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).endsWith("------")) {
			logger.warn(file.toAbsolutePath() + " may be read by other users; chmod 600 it");
		}
	}

	/** Where there are no POSIX permissions (Windows), an ACL naming only the owner. */
	private static void restrictToOwner(Path file) throws IOException {
		AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
		if (acl == null) {
			logger.warn("Cannot restrict " + file.getParent() + "/master.key to its owner on this file system; "
					+ "protect its directory, or set LATCHKEY_MASTER_KEY instead");
			return;
		}
		acl.setAcl(List.of(AclEntry.newBuilder()
			.setType(AclEntryType.ALLOW)
			.setPrincipal(acl.getOwner())
			.setPermissions(EnumSet.allOf(AclEntryPermission.class))
			.build()));
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

	/**
	 * A keyed hash under a 256-bit key derived for one purpose, so that no two uses share
	 * key material. The purpose names the key: changing it invalidates every hash stored
	 * under it.
	 */
	public KeyedHash keyedHash(String purpose) {
		return KeyedHash.withKey(KeyedHash.withKey(this.key.getEncoded()).bytes(purpose));
	}

}
