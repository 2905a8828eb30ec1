package io.latchkey.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.latchkey.shared.SecurityEvent;
import org.jspecify.annotations.Nullable;

/**
 * A request was refused because its key was over a rate limit.
 *
 * @param purpose what the limit guards, e.g. {@code login-account}
 * @param keyDigest a keyed digest of the key (an account name or an address is never
 * published), the same for every refusal of that key
 * @param retryAfter when the key may try again
 * @param at when the request was refused
 */
public record RateLimited(String purpose, String keyDigest, Duration retryAfter, Instant at) implements SecurityEvent {

	@Override
	public String auditType() {
		return "ratelimit.refused";
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
		return Map.of("purpose", this.purpose, "key", this.keyDigest, "retry_after_seconds",
				this.retryAfter.toSeconds());
	}

}
