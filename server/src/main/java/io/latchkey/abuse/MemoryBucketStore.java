package io.latchkey.abuse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.latchkey.abuse.AbuseSettings.Limit;
import io.latchkey.abuse.RateLimiter.Decision;

/**
 * Buckets in this node's memory, for a single node on the embedded database.
 */
class MemoryBucketStore implements BucketStore {

	private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

	@Override
	public Decision check(String id, Limit limit) {
		Entry entry = this.buckets.get(id);
		if (entry == null) {
			return Decision.ALLOWED;
		}
		EstimationProbe probe = entry.bucket().estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Decision.ALLOWED : Decision.refused(probe.getNanosToWaitForRefill());
	}

	@Override
	public Decision consume(String id, Limit limit) {
		Entry entry = this.buckets.computeIfAbsent(id,
				(key) -> new Entry(Bucket.builder().addLimit(Buckets.bandwidth(limit)).build(), limit.capacity()));
		ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Decision.ALLOWED : Decision.refused(probe.getNanosToWaitForRefill());
	}

	@Override
	public void refund(String id, Limit limit) {
		Entry entry = this.buckets.get(id);
		if (entry != null) {
			entry.bucket().addTokens(1);
		}
	}

	@Override
	public void reset(String id) {
		this.buckets.remove(id);
	}

	/** A full bucket carries no information, so it is dropped. */
	@Override
	public void removeExpired() {
		this.buckets.values().removeIf((entry) -> entry.bucket().getAvailableTokens() >= entry.capacity());
	}

	private record Entry(Bucket bucket, int capacity) {

	}

}
