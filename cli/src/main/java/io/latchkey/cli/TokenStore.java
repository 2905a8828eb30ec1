package io.latchkey.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link StoredTokens} in a JSON file that only its owner can read or write
 * ({@code rw-------}): the file is created with those permissions and then moved into
 * place, so the tokens are never readable by others, not even for a moment.
 */
final class TokenStore {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	TokenStore(Path file) {
		this.file = file.toAbsolutePath();
	}

	Path file() {
		return this.file;
	}

	Optional<StoredTokens> read() {
		if (!Files.exists(this.file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(Files.readString(this.file), StoredTokens.class));
		}
		catch (IOException | RuntimeException ex) {
			throw new CliException("cannot read the token file " + this.file + "; log in again", Latchkey.FAILED);
		}
	}

	void write(StoredTokens tokens) {
		try {
			Path directory = this.file.getParent();
			if (!Files.exists(directory) && posix(directory.getRoot())) {
				Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			else if (!Files.exists(directory)) {
				Files.createDirectories(directory);
			}
			Path temporary = posix(directory)
					? Files.createTempFile(directory, ".tokens", ".tmp",
							PosixFilePermissions.asFileAttribute(OWNER_ONLY))
					: Files.createTempFile(directory, ".tokens", ".tmp");
			Files.writeString(temporary, JSON.writeValueAsString(tokens));
			try {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException | FileAlreadyExistsException ex) {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the token file " + this.file, ex);
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete the token file " + this.file, ex);
		}
	}

	private static boolean posix(Path directory) {
		return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
