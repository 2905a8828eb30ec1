package io.latchkey.abuse;

import java.time.Duration;

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
import io.latchkey.abuse.RateLimiter.Decision;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Buckets in the PostgreSQL table {@code abuse_bucket}, shared by all nodes: each event
 * locks its bucket's row ({@code SELECT … FOR UPDATE}), so nodes counting at the same
 * moment cannot both take the last token.
 */
class DatabaseBucketStore implements BucketStore {

	static final String TABLE = "abuse_bucket";

	/**
	 * A bucket is kept this long after it has refilled, so a key seen again soon reuses
	 * it.
	 */
	private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

	private static final int CLEANUP_BATCH = 1000;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final JdbcClient jdbc;

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
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM " + TABLE + " WHERE id = ? AND state IS NOT NULL")
			.param(id)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
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
	public void reset(String id) {
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
		while (this.buckets.removeExpired(CLEANUP_BATCH) >= CLEANUP_BATCH) {
			// Another batch may be waiting.
		}
	}

}
