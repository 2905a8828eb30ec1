package io.latchkey.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EncryptedFileTokenStoreTests {

	private static final Tokens TOKENS = new Tokens("access-token-value", "DPoP", "refresh-token-value",
			Instant.parse("2026-01-01T10:00:00Z"), "openid offline_access", "id.token.value", "pat-42");

	@TempDir
	Path home;

	@Test
	void keepsTokensEncryptedInAnOwnerOnlyFile() throws Exception {
		Path file = this.home.resolve("app/tokens.bin");
		TokenStore store = EncryptedFileTokenStore.withPassphrase(file, "a passphrase".toCharArray());

		assertThat(store.load()).isNull();
		store.save(TOKENS);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		assertThat(raw).doesNotContain("access-token-value", "refresh-token-value", "pat-42");
		assertThat(EncryptedFileTokenStore.withPassphrase(file, "a passphrase".toCharArray()).load()).isEqualTo(TOKENS);
	}

	@Test
	void aRotationReplacesTheFileWholeAndLeavesNothingBeside() throws Exception {
		Path file = this.home.resolve("tokens.bin");
		TokenStore store = EncryptedFileTokenStore.withPassphrase(file, "a passphrase".toCharArray());
		store.save(TOKENS);
		Tokens rotated = new Tokens("access-2", "Bearer", "refresh-2", null, null, null, null);

		store.save(rotated);

		assertThat(store.load()).isEqualTo(rotated);
		try (var files = Files.list(this.home)) {
			assertThat(files).containsExactly(file);
		}
		store.clear();
		assertThat(store.load()).isNull();
	}

	@Test
	void anotherPassphraseOrAnAlteredFileReadsNothing() throws Exception {
		Path file = this.home.resolve("tokens.bin");
		EncryptedFileTokenStore.withPassphrase(file, "a passphrase".toCharArray()).save(TOKENS);

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> EncryptedFileTokenStore.withPassphrase(file, "another one".toCharArray()).load())
			.withMessageNotContaining("access-token-value");

		byte[] content = Files.readAllBytes(file);
		content[content.length - 20] ^= 1;
		Files.write(file, content);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> EncryptedFileTokenStore.withPassphrase(file, "a passphrase".toCharArray()).load());
	}

	@Test
	void takesAKeyFromTheCaller() throws Exception {
		KeyGenerator generator = KeyGenerator.getInstance("AES");
		generator.init(256);
		SecretKey key = generator.generateKey();
		Path file = this.home.resolve("tokens.bin");

		EncryptedFileTokenStore.withKey(file, key).save(TOKENS);

		assertThat(EncryptedFileTokenStore.withKey(file, key).load()).isEqualTo(TOKENS);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> EncryptedFileTokenStore.withKey(file, generator.generateKey()).load());
	}

}
