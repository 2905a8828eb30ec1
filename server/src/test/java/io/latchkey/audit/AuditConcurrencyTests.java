package io.latchkey.audit;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.latchkey.test.ServerTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.audit.AuditTables.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appends from many threads at once, each on its own database connection as separate
 * nodes would be, while two chainers link them at the same time, still form one unbroken
 * chain: the lock is the database's, not the JVM's.
 */
class AuditConcurrencyTests extends ServerTestSupport {

	static final int THREADS = 8;

	static final int EVENTS_PER_THREAD = 200;

	@Autowired
	AuditLog log;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditChainer chainer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void concurrentAppendsKeepOneValidChain() throws Exception {
		String run = UUID.randomUUID().toString();
		long before = new AuditTables(this.jdbc).head().lastId();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(THREADS + 2);
		try {
			List<Future<Object>> appending = IntStream.range(0, THREADS).mapToObj((thread) -> threads.submit(() -> {
				start.await();
				for (int i = 0; i < EVENTS_PER_THREAD; i++) {
					this.log.append(entry("test.concurrent", run + "/" + thread + "/" + i));
				}
				return null;
			})).toList();
			List<Future<Object>> chaining = IntStream.range(0, 2).mapToObj((chainer) -> threads.submit(() -> {
				start.await();
				while (!appending.stream().allMatch(Future::isDone)) {
					this.chainer.chainPending();
				}
				return null;
			})).toList();
			start.countDown();
			for (Future<Object> future : appending) {
				future.get();
			}
			for (Future<Object> future : chaining) {
				future.get();
			}
			this.chainer.chainPending();
		}
		finally {
			threads.shutdownNow();
		}

		List<Long> ids = this.jdbc.sql("SELECT id FROM audit_event WHERE subject LIKE ? ORDER BY id")
			.param(run + "/%")
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(THREADS * EVENTS_PER_THREAD).doesNotHaveDuplicates();
		assertThat(new AuditTables(this.jdbc).head().lastId())
			.isGreaterThanOrEqualTo(before + THREADS * EVENTS_PER_THREAD);
		ChainVerification verification = this.chain.verify();
		assertThat(verification.firstBroken()).isNull();
		assertThat(verification.checked()).isGreaterThanOrEqualTo(before + THREADS * EVENTS_PER_THREAD);
		assertThat(this.meters.get("latchkey.audit.append").timer().count())
			.isGreaterThanOrEqualTo(THREADS * EVENTS_PER_THREAD);
	}

}
