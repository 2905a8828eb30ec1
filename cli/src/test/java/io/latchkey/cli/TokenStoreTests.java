package io.latchkey.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TokenStoreTests {

	@TempDir
	Path home;

	@Test
	void tokensAreReadableOnlyByTheirOwnerAndSurviveARoundTrip() throws Exception {
		TokenStore store = new TokenStore(this.home.resolve("new-dir/tokens.json"));
		StoredTokens tokens = new StoredTokens("http://localhost:9000", "cli", "access",
				Instant.parse("2030-01-01T00:00:00Z"), "refresh", "patient/*.rs");

		store.write(tokens);
		store.write(tokens);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())))
			.isEqualTo("rwx------");
		assertThat(store.read()).contains(tokens);
		assertThat(Files.list(store.file().getParent())).containsExactly(store.file());
	}

	@Test
	void aQrCodeIsDrawnInHalfBlocks() {
		String qr = TerminalQr.render("http://localhost:9000/oauth2/device_verification?user_code=BCDF-GHJK");

		assertThat(qr.lines().count()).isGreaterThan(10);
		assertThat(qr).contains("█").contains("▀");
	}

}
