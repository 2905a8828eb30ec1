package io.latchkey.abuse;

import java.time.Duration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.latchkey.abuse.AbuseSettings.Limit;
import io.latchkey.abuse.RateLimiter.Attempt;
import io.latchkey.abuse.RateLimiter.Decision;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Buckets in the PostgreSQL table {@code abuse_bucket}, shared by all nodes: each event
 * locks its bucket's row ({@code SELECT … FOR UPDATE}), so nodes counting at the same
 * moment cannot both take the last token.
 * <p>
 * Attempts ({@link #begin}) are counted first in this node's memory, exactly, and in the
 * table only once their key has failed somewhere: a key without a row in the table has
 * never failed within its period, so its attempts cost no statement (whether a row exists
 * is read at most once per {@link #CLEAN_FOR} per key). A failure is written to the
 * table, and from then on every node counts that key's attempts there, before the check.
 * A fresh key attacked on several nodes at once can therefore be tried up to once per
 * node's budget before the nodes see each other's failures (within {@link #CLEAN_FOR});
 * on one node the budget is exact.
 */
class DatabaseBucketStore implements BucketStore {

	/** How long a key found without failures is trusted to have none. */
	static final Duration CLEAN_FOR = Duration.ofSeconds(1);

	static final String TABLE = "abuse_bucket";

	/**
	 * A bucket is kept this long after it has refilled, so a key seen again soon reuses
	 * it.
	 */
	private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

	private static final int CLEANUP_BATCH = 1000;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final JdbcClient jdbc;

	private final MemoryBucketStore local = new MemoryBucketStore();

	/** Keys without a row in the table, and until when (System.nanoTime) that holds. */
	private final Map<String, Long> cleanUntil = new ConcurrentHashMap<>();

	DatabaseBucketStore(DataSource dataSource) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
			.build();
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * Most checks are of keys that never failed; they are answered without locking or
	 * writing a row.
	 */
	@Override
	public Decision check(String id, Limit limit) {
		if (!hasRow(id)) {
			return Decision.ALLOWED;
		}
		EstimationProbe probe = failClosed(
				() -> this.buckets.getProxy(id, () -> Buckets.configuration(limit)).estimateAbilityToConsume(1));
		return probe.canBeConsumed() ? Decision.ALLOWED : Decision.refused(probe.getNanosToWaitForRefill());
	}

	@Override
	public Decision consume(String id, Limit limit) {
		ConsumptionProbe probe = failClosed(
				() -> this.buckets.getProxy(id, () -> Buckets.configuration(limit)).tryConsumeAndReturnRemaining(1));
		return probe.isConsumed() ? Decision.ALLOWED : Decision.refused(probe.getNanosToWaitForRefill());
	}

	@Override
	public void refund(String id, Limit limit) {
		failClosed(() -> {
			this.buckets.getProxy(id, () -> Buckets.configuration(limit)).addTokens(1);
			return null;
		});
	}

	@Override
	public Attempt begin(String id, Limit limit) {
		Decision here = this.local.consume(id, limit);
		if (!here.allowed()) {
			return Attempt.refused(here);
		}
		if (isClean(id)) {
			return new Attempt(Decision.ALLOWED, () -> this.local.refund(id, limit), () -> {
				this.cleanUntil.remove(id);
				consume(id, limit);
			});
		}
		Decision shared = consume(id, limit);
		if (!shared.allowed()) {
			this.local.refund(id, limit);
			return Attempt.refused(shared);
		}
		return new Attempt(Decision.ALLOWED, () -> {
			this.local.refund(id, limit);
			refund(id, limit);
		}, () -> {
		});
	}

	private boolean isClean(String id) {
		long now = System.nanoTime();
		Long until = this.cleanUntil.get(id);
		if (until != null && now - until < 0) {
			return true;
		}
		if (hasRow(id)) {
			this.cleanUntil.remove(id);
			return false;
		}
		this.cleanUntil.put(id, now + CLEAN_FOR.toNanos());
		return true;
	}

	private boolean hasRow(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + TABLE + " WHERE id = ? AND state IS NOT NULL")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public void reset(String id) {
		this.local.reset(id);
		this.cleanUntil.remove(id);
		failClosed(() -> {
			this.buckets.removeProxy(id);
			return null;
		});
	}

	/**
	 * A bucket that cannot be read is a database outage, answered {@code 503} like any
	 * other, never a request let through. Bucket4j's own exception may hide the driver's
	 * (a failed rollback on a closed connection replaces it), so it is named here.
	 */
	private static <T> T failClosed(Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (BucketExceptions.BucketExecutionException ex) {
			throw new DataAccessResourceFailureException("The rate-limit table cannot be reached", ex);
		}
	}

	/**
	 * Rows expire once their bucket has refilled; another node may be removing some at
	 * the same time.
	 */
	@Override
	public void removeExpired() {
		this.local.removeExpired();
		long now = System.nanoTime();
		this.cleanUntil.values().removeIf((until) -> now - until >= 0);
		while (this.buckets.removeExpired(CLEANUP_BATCH) >= CLEANUP_BATCH) {
			// Another batch may be waiting.
		}
	}

}
