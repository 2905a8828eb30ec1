package io.latchkey.abuse;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.latchkey.abuse.AbuseSettings.Lockout;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failure counters per object that lock the object at a threshold, e.g. five wrong second
 * factors lock a data link. Unlike rate limits they do not refill: a lock holds for its
 * configured duration, or until {@link #reset}. Counts and locks live in the database, so
 * they hold across nodes and restarts; when a lock engages, {@link ObjectLocked} is
 * published.
 */
@Component
public class Lockouts {

	private static final int ATTEMPTS = 5;

	private final LockoutRepository repository;

	private final AbuseSettings settings;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Lockouts(LockoutRepository repository, AbuseSettings settings, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Counts one failure; the answer says whether the object is now locked. The count is
	 * committed in a transaction of its own, so it stands even when the caller's
	 * transaction rolls back because of the very failure it reports.
	 */
	public Status recordFailure(String purpose, String objectId) {
		Lockout rule = this.settings.lockoutFor(purpose);
		for (int attempt = 1;; attempt++) {
			try {
				Outcome outcome = count(purpose, objectId, rule);
				if (outcome.engaged()) {
					this.events.publishEvent(
							new ObjectLocked(purpose, objectId, outcome.status().lockedUntil(), outcome.now()));
				}
				return outcome.status();
			}
			catch (ConcurrencyFailureException ex) {
				// The embedded database gives up waiting for a row lock after a second.
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/** Whether the object is locked now. */
	public boolean isLocked(String purpose, String objectId) {
		Instant now = now();
		return this.repository.find(purpose, objectId).map((row) -> row.isLocked(now)).orElse(false);
	}

	/** Forgets the object's failures and lifts its lock. */
	public void reset(String purpose, String objectId) {
		this.repository.delete(purpose, objectId);
	}

	/**
	 * Counting holds the row's lock until commit, so concurrent failures on any node are
	 * counted one after another and exactly one of them sees the threshold reached.
	 */
	private Outcome count(String purpose, String objectId, Lockout rule) {
		while (true) {
			Instant now = now();
			this.transaction.executeWithoutResult((status) -> this.repository.insertIfAbsent(purpose, objectId, now));
			Outcome outcome = this.transaction.execute((status) -> {
				if (!this.repository.increment(purpose, objectId, now)) {
					return null;
				}
				LockoutRepository.Row row = this.repository.find(purpose, objectId).orElseThrow();
				if (row.lockedAt() != null || row.failures() < rule.threshold()) {
					return new Outcome(new Status(row.failures(), row.isLocked(now), row.lockedUntil()), false, now);
				}
				Instant until = (rule.duration() != null) ? now.plus(rule.duration()) : null;
				this.repository.lock(purpose, objectId, now, until);
				return new Outcome(new Status(row.failures(), true, until), true, now);
			});
			if (outcome != null) {
				return outcome;
			}
			// Reset between the insert and the count: count again from scratch.
		}
	}

	private Instant now() {
		// Database timestamps keep microseconds; a value read back then equals
		// the one written.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * An object's failures after one more was recorded.
	 *
	 * @param failures failures counted since the count last started
	 * @param locked whether the object is locked
	 * @param lockedUntil when the lock ends; none while locked means until reset
	 */
	public record Status(int failures, boolean locked, @Nullable Instant lockedUntil) {

	}

	private record Outcome(Status status, boolean engaged, Instant now) {

	}

}
