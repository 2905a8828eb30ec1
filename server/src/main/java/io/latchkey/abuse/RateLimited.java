package io.latchkey.abuse;

import java.time.Duration;
import java.time.Instant;

/**
 * A request was refused because its key was over a rate limit.
 *
 * @param purpose what the limit guards, e.g. {@code login-account}
 * @param keyDigest a keyed digest of the key (an account name or an address is never
 * published), the same for every refusal of that key
 * @param retryAfter when the key may try again
 * @param at when the request was refused
 */
public record RateLimited(String purpose, String keyDigest, Duration retryAfter, Instant at) {

}
