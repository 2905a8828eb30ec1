package io.latchkey.abuse;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets keyed by purpose and key (an IP, an account, a link id), on Bucket4j. On
 * PostgreSQL the buckets live in the database, so a limit holds across all nodes; on the
 * embedded database, in this node's memory. Every refusal is published as
 * {@link RateLimited} and counted in the metric {@value #REJECTIONS}.
 */
@Component
public class RateLimiter {

	static final String REJECTIONS = "latchkey.ratelimit.rejections";

	private final AbuseSettings settings;

	private final BucketStore store;

	private final KeyFingerprints fingerprints;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	private final Clock clock;

	RateLimiter(AbuseSettings settings, BucketStore store, KeyFingerprints fingerprints,
			ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
		this.settings = settings;
		this.store = store;
		this.fingerprints = fingerprints;
		this.events = events;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Whether one more event for this purpose and key would be within the limit, without
	 * counting it.
	 */
	public Decision check(String purpose, String key) {
		return refusedIfNot(purpose, key,
				this.store.check(this.fingerprints.bucketId(purpose, key), this.settings.limitFor(purpose)));
	}

	/** Counts one event; the answer says whether it was within the limit. */
	public Decision consume(String purpose, String key) {
		return refusedIfNot(purpose, key,
				this.store.consume(this.fingerprints.bucketId(purpose, key), this.settings.limitFor(purpose)));
	}

	/**
	 * Counts one event and throws {@link RateLimitExceededException} if it was over the
	 * limit, which a JSON endpoint answers with {@code 429} and {@code Retry-After}.
	 */
	public void enforce(String purpose, String key) {
		Decision decision = consume(purpose, key);
		if (!decision.allowed()) {
			throw new RateLimitExceededException(purpose, decision.retryAfter());
		}
	}

	/**
	 * Gives back the token a {@link #consume} took, for an attempt that turned out to be
	 * legitimate: limits count before they check, so a success must not cost anything.
	 */
	public void refund(String purpose, String key) {
		this.store.refund(this.fingerprints.bucketId(purpose, key), this.settings.limitFor(purpose));
	}

	/**
	 * Counts an attempt before the guessable thing it carries is checked; the caller then
	 * reports {@link Attempt#succeeded()} (its token comes back: a legitimate caller is
	 * never limited by its own successes) or {@link Attempt#failed()}.
	 */
	public Attempt attempt(String purpose, String key) {
		Attempt attempt = this.store.begin(this.fingerprints.bucketId(purpose, key), this.settings.limitFor(purpose));
		refusedIfNot(purpose, key, attempt.decision());
		return attempt;
	}

	/** Forgets a key, e.g. an account's failures after it signs in. */
	public void reset(String purpose, String key) {
		this.store.reset(this.fingerprints.bucketId(purpose, key));
	}

	@Scheduled(fixedDelayString = "${latchkey.abuse.cleanup-interval:PT5M}")
	void removeExpiredBuckets() {
		this.store.removeExpired();
	}

	private Decision refusedIfNot(String purpose, String key, Decision decision) {
		if (!decision.allowed()) {
			Counter.builder(REJECTIONS)
				.description("Requests refused by a rate limit")
				.tag("purpose", purpose)
				.register(this.meters)
				.increment();
			this.events.publishEvent(new RateLimited(purpose, this.fingerprints.forEvent(key), decision.retryAfter(),
					this.clock.instant()));
		}
		return decision;
	}

	/**
	 * An attempt counted by {@link #attempt}; report its outcome once it is known.
	 */
	public static final class Attempt {

		private static final Runnable NOTHING = () -> {
		};

		private final Decision decision;

		private final Runnable onSuccess;

		private final Runnable onFailure;

		Attempt(Decision decision, Runnable onSuccess, Runnable onFailure) {
			this.decision = decision;
			this.onSuccess = onSuccess;
			this.onFailure = onFailure;
		}

		static Attempt refused(Decision decision) {
			return new Attempt(decision, NOTHING, NOTHING);
		}

		public Decision decision() {
			return this.decision;
		}

		public boolean allowed() {
			return this.decision.allowed();
		}

		/** The attempt was legitimate: its token comes back. */
		public void succeeded() {
			this.onSuccess.run();
		}

		/** The attempt failed (or never got checked): it stays counted. */
		public void failed() {
			this.onFailure.run();
		}

	}

	/**
	 * The answer of the limiter.
	 *
	 * @param allowed whether the event is within the limit
	 * @param retryAfter when to try again if it is not; whole seconds, at least one
	 */
	public record Decision(boolean allowed, Duration retryAfter) {

		static final Decision ALLOWED = new Decision(true, Duration.ZERO);

		/** Rounded up, so that a client waiting as told finds a token. */
		static Decision refused(long nanosToWait) {
			return new Decision(false, Duration.ofSeconds(Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L)));
		}

	}

}
