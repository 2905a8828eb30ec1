package io.latchkey.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A password sign-in was refused.
 *
 * @param usernameHash hex SHA-256 of the login name, because people sometimes type their
 * password into the name field
 * @param directories the account sources asked, in order
 * @param reason {@code bad-credentials}, {@code no-mapped-group}, {@code disabled},
 * {@code locked} or {@code directory-unavailable}
 * @param at when
 */
public record StaffSignInFailed(String usernameHash, List<String> directories, String reason,
		Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "signin.failed";
	}

	@Override
	public @Nullable String subject() {
		return null;
	}

	@Override
	public boolean auditFailure() {
		return true;
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("reason", this.reason, "directories", String.join(",", this.directories), "username_sha256",
				this.usernameHash);
	}

}
