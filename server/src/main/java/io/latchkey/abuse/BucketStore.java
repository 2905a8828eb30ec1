package io.latchkey.abuse;

import io.latchkey.abuse.AbuseSettings.Limit;
import io.latchkey.abuse.RateLimiter.Attempt;
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

	/**
	 * Counts an attempt before what it tries is checked; its outcome then says whether it
	 * stays counted. By default a success gives its token back.
	 */
	default Attempt begin(String id, Limit limit) {
		Decision decision = consume(id, limit);
		if (!decision.allowed()) {
			return Attempt.refused(decision);
		}
		return new Attempt(decision, () -> refund(id, limit), () -> {
		});
	}

	/** Removes buckets that carry no information any more; called on a schedule. */
	void removeExpired();

}
