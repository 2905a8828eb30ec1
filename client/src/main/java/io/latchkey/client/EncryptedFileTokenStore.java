package io.latchkey.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import net.minidev.json.JSONObject;
import org.jspecify.annotations.Nullable;

/**
 * Tokens in a file encrypted with AES-256-GCM, readable and writable by the owner only
 * (permissions set when the file is created, not after). Every save writes a new file
 * beside it and moves it over the old one, so a crash leaves the old tokens or the new,
 * never half of each. The key comes from a passphrase (PBKDF2, salt kept in the file) or
 * from the caller, for example a key the platform's keystore holds.
 */
public final class EncryptedFileTokenStore implements TokenStore {

	private static final byte FORMAT = 1;

	private static final int SALT_BYTES = 16;

	private static final int IV_BYTES = 12;

	/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
	private static final int PBKDF2_ITERATIONS = 600_000;

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;

	private final SecretKey key;

	/** Empty when the key came from the caller. */
	private final byte[] salt;

	private EncryptedFileTokenStore(Path file, SecretKey key, byte[] salt) {
		this.file = file;
		this.key = key;
		this.salt = salt;
	}

	/**
	 * A store whose key is derived from a passphrase; the salt is read from an existing
	 * file, or made new.
	 */
	public static EncryptedFileTokenStore withPassphrase(Path file, char[] passphrase) throws IOException {
		byte[] salt = Files.exists(file) ? header(Files.readAllBytes(file)).salt() : randomBytes(SALT_BYTES);
		return new EncryptedFileTokenStore(file, derive(passphrase, salt), salt);
	}

	/** A store with a 256-bit AES key the caller keeps. */
	public static EncryptedFileTokenStore withKey(Path file, SecretKey key) {
		return new EncryptedFileTokenStore(file, key, new byte[0]);
	}

	@Override
	public @Nullable Tokens load() throws IOException {
		byte[] content;
		try {
			content = Files.readAllBytes(this.file);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return null;
		}
		Header header = header(content);
		if (!Arrays.equals(header.salt(), this.salt)) {
			throw new IOException("the token file was written with another key");
		}
		byte[] plain;
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, content, header.length(), IV_BYTES));
			cipher.updateAAD(content, 0, header.length());
			plain = cipher.doFinal(content, header.length() + IV_BYTES, content.length - header.length() - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("the token file cannot be decrypted with this key (or was altered)");
		}
		return fromJson(new String(plain, StandardCharsets.UTF_8));
	}

	@Override
	public void save(Tokens tokens) throws IOException {
		byte[] head = ByteBuffer.allocate(2 + this.salt.length)
			.put(FORMAT)
			.put((byte) this.salt.length)
			.put(this.salt)
			.array();
		byte[] iv = randomBytes(IV_BYTES);
		byte[] sealed;
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
			cipher.updateAAD(head);
			sealed = cipher.doFinal(toJson(tokens).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("could not encrypt the tokens", ex);
		}
		Path directory = this.file.toAbsolutePath().getParent();
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory, ownerOnly(directory, OWNER_ONLY_DIRECTORY));
		}
		Path next = Files.createTempFile(directory, "." + this.file.getFileName() + ".", ".tmp",
				ownerOnly(directory, OWNER_ONLY));
		try {
			Files.write(next,
					ByteBuffer.allocate(head.length + IV_BYTES + sealed.length).put(head).put(iv).put(sealed).array());
			if (!supportsPosix(directory)) {
				restrictToOwner(next);
			}
			Files.move(next, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(next);
		}
	}

	@Override
	public void clear() throws IOException {
		Files.deleteIfExists(this.file);
	}

	private static FileAttribute<?>[] ownerOnly(Path directory, Set<PosixFilePermission> permissions) {
		return supportsPosix(directory) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
	}

	private static boolean supportsPosix(Path directory) {
		Path existing = directory;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/** Where there are no POSIX permissions (Windows), the closest the JDK offers. */
	private static void restrictToOwner(Path file) throws IOException {
		java.io.File plain = file.toFile();
		boolean restricted = plain.setReadable(false, false) && plain.setReadable(true, true)
				&& plain.setWritable(false, false) && plain.setWritable(true, true);
		if (!restricted) {
			throw new AccessDeniedException(file.toString(), null, "could not restrict the token file to its owner");
		}
	}

	private static SecretKey derive(char[] passphrase, byte[] salt) {
		try {
			PBEKeySpec spec = new PBEKeySpec(passphrase, salt, PBKDF2_ITERATIONS, 256);
			try {
				byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
				return new SecretKeySpec(key, "AES");
			}
			finally {
				spec.clearPassword();
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
		}
	}

	private static Header header(byte[] content) throws IOException {
		if (content.length < 2 || content[0] != FORMAT || content.length < 2 + content[1] + IV_BYTES + 16) {
			throw new IOException("not a token file of this format");
		}
		return new Header(Arrays.copyOfRange(content, 2, 2 + content[1]));
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static String toJson(Tokens tokens) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", tokens.accessToken());
		json.put("token_type", tokens.tokenType());
		json.put("refresh_token", tokens.refreshToken());
		json.put("expires_at", (tokens.expiresAt() != null) ? tokens.expiresAt().getEpochSecond() : null);
		json.put("scope", tokens.scope());
		json.put("id_token", tokens.idToken());
		json.put("patient", tokens.patient());
		json.values().removeIf(java.util.Objects::isNull);
		return JSONObject.toJSONString(json);
	}

	private static Tokens fromJson(String json) throws IOException {
		try {
			JSONObject values = JSONObjectUtils.parse(json);
			Long expiresAt = values.containsKey("expires_at") ? JSONObjectUtils.getLong(values, "expires_at") : null;
			return new Tokens(JSONObjectUtils.getNonBlankString(values, "access_token"),
					JSONObjectUtils.getNonBlankString(values, "token_type"),
					JSONObjectUtils.getString(values, "refresh_token", null),
					(expiresAt != null) ? Instant.ofEpochSecond(expiresAt) : null,
					JSONObjectUtils.getString(values, "scope", null),
					JSONObjectUtils.getString(values, "id_token", null),
					JSONObjectUtils.getString(values, "patient", null));
		}
		catch (ParseException ex) {
			throw new IOException("the token file holds no tokens");
		}
	}

	private record Header(byte[] salt) {

		int length() {
			return 2 + this.salt.length;
		}

	}

}
