package io.latchkey.shared;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The master key's file is owner-only from its first byte, and a key of the wrong size,
 * from the file or the environment, stops the start without being quoted.
 */
class MasterKeyTests {

	@TempDir
	Path dataDir;

	@Test
	void aGeneratedKeyFileIsOwnerOnlyAndReadBackTheSame() throws IOException {
		MasterKey first = new MasterKey(properties(this.dataDir.resolve("nested"), null));
		Path file = this.dataDir.resolve("nested/master.key");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Base64.getDecoder().decode(Files.readString(file))).hasSize(32);
		try (var entries = Files.list(file.getParent())) {
			assertThat(entries).containsExactly(file);
		}
		byte[] sealed = first.encrypt("secret".getBytes(StandardCharsets.UTF_8));
		MasterKey again = new MasterKey(properties(this.dataDir.resolve("nested"), null));
		assertThat(again.decrypt(sealed)).asString(StandardCharsets.UTF_8).isEqualTo("secret");
	}

	@Test
	void aKeyFileOfTheWrongSizeRefusesToStart() throws IOException {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		Files.writeString(this.dataDir.resolve("master.key"), shortKey);

		assertThatIllegalStateException().isThrownBy(() -> new MasterKey(properties(this.dataDir, null)))
			.withMessageContaining("master.key")
			.withMessageContaining("exactly 32")
			.withMessageNotContaining(shortKey);
	}

	@Test
	void aKeyFileThatIsNotBase64RefusesToStartWithoutQuotingIt() throws IOException {
		String garbage = "not*base64*at*all-" + "k".repeat(30);
		Files.writeString(this.dataDir.resolve("master.key"), garbage);

		assertThatIllegalStateException().isThrownBy(() -> new MasterKey(properties(this.dataDir, null)))
			.withMessageContaining("master.key")
			.withMessageNotContaining("*")
			.withMessageNotContaining("kkkk");
	}

	@Test
	void anEnvironmentKeyOfTheWrongSizeOrNotBase64RefusesToStart() {
		String longKey = Base64.getEncoder().encodeToString(new byte[48]);
		String garbage = "%%%%" + "z".repeat(40);

		for (String key : new String[] { longKey, garbage }) {
			assertThatIllegalStateException().isThrownBy(() -> new MasterKey(properties(this.dataDir, key)))
				.withMessageContaining("LATCHKEY_MASTER_KEY")
				.withMessageNotContaining(key)
				.withMessageNotContaining("%")
				.withNoCause();
		}
		assertThat(this.dataDir.resolve("master.key")).doesNotExist();
	}

	private static LatchkeyProperties properties(Path dataDir, String masterKey) {
		return new LatchkeyProperties(URI.create("http://localhost:9000"), dataDir, masterKey);
	}

}
