package io.latchkey.identity;

import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;

/**
 * The directory could not be asked during a sign-in.
 *
 * @param directory the directory's configured name
 * @param failure the kind of failure (an exception class name, never its message)
 * @param at when
 */
public record DirectoryUnavailable(String directory, String failure, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "directory.unavailable";
	}

	@Override
	public String subject() {
		return this.directory;
	}

	@Override
	public boolean auditFailure() {
		return true;
	}

	@Override
	public Map<String, ?> auditDetail() {
		return Map.of("failure", this.failure);
	}

}
