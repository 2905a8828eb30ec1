package io.latchkey.abuse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets keyed by purpose and key (an IP, an account, a link id), on Bucket4j.
 * Buckets live in this node's memory; a full bucket carries no information and is dropped.
 */
@Component
public class RateLimiter {

	private final AbuseSettings settings;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(AbuseSettings settings) {
		this.settings = settings;
	}

	/** Whether one more event for this purpose and key would be within the limit, without counting it. */
	public Decision check(String purpose, String key) {
		Bucket bucket = this.buckets.get(purpose + '\u0000' + key);
		if (bucket == null || bucket.getAvailableTokens() > 0) {
			return Decision.ALLOWED;
		}
		return new Decision(false, retryAfter(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
	}

	/** Counts one event; the answer says whether it was within the limit. */
	public Decision consume(String purpose, String key) {
		Bucket bucket = this.buckets.computeIfAbsent(purpose + '\u0000' + key, (k) -> newBucket(purpose));
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Decision.ALLOWED
				: new Decision(false, retryAfter(probe.getNanosToWaitForRefill()));
	}

	/** Forgets a key, e.g. an account's failures after it signs in. */
	public void reset(String purpose, String key) {
		this.buckets.remove(purpose + '\u0000' + key);
	}

	@Scheduled(fixedDelayString = "PT5M")
	void dropFullBuckets() {
		this.buckets.entrySet().removeIf((entry) -> {
			String purpose = entry.getKey().substring(0, entry.getKey().indexOf('\u0000'));
			return entry.getValue().getAvailableTokens() >= this.settings.limitFor(purpose).capacity();
		});
	}

	private Bucket newBucket(String purpose) {
		AbuseSettings.Limit limit = this.settings.limitFor(purpose);
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
			.build();
	}

	private static Duration retryAfter(long nanos) {
		return Duration.ofSeconds(Math.max(1, (long) Math.ceil(nanos / 1_000_000_000.0)));
	}

	/**
	 * The answer of the limiter.
	 *
	 * @param allowed whether the event is within the limit
	 * @param retryAfter when to try again if it is not
	 */
	public record Decision(boolean allowed, Duration retryAfter) {

		static final Decision ALLOWED = new Decision(true, Duration.ZERO);

	}

}
