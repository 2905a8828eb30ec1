package io.latchkey.abuse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.latchkey.abuse.AbuseSettings.Limit;

/**
 * The one shape of bucket Latchkey uses, whichever store holds it.
 */
final class Buckets {

	private Buckets() {
	}

	/**
	 * Refilled greedily: a token comes back every {@code period / capacity}, not all at
	 * once.
	 */
	static Bandwidth bandwidth(Limit limit) {
		return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
	}

	static BucketConfiguration configuration(Limit limit) {
		return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
	}

}
