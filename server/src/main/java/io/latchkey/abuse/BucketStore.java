package io.latchkey.abuse;

import io.latchkey.abuse.AbuseSettings.Limit;
import io.latchkey.abuse.RateLimiter.Decision;

/**
 * Where the token buckets of {@link RateLimiter} live: this node's memory, or the
 * database shared by all nodes.
 */
interface BucketStore {

	/** Whether one more event would be within the limit, without counting it. */
	Decision check(String id, Limit limit);

	/** Counts one event if it is within the limit. */
	Decision consume(String id, Limit limit);

	/** Gives back one token taken by {@link #consume}, up to the capacity. */
	void refund(String id, Limit limit);

	void reset(String id);

	/** Removes buckets that carry no information any more; called on a schedule. */
	void removeExpired();

}
