package io.latchkey.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.latchkey.abuse.AbuseTestConfiguration.RecordedEvents;
import io.latchkey.abuse.Lockouts.Status;
import io.latchkey.test.MutableClock;
import io.latchkey.test.ServerTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lockouts on the run's database: they engage exactly at the threshold, once, end when
 * their duration runs out, lift on reset, and count concurrent failures exactly, whatever
 * becomes of the caller's transaction.
 */
@AbuseTestSettings
class LockoutsTests extends ServerTestSupport {

	@Autowired
	Lockouts lockouts;

	@Autowired
	RecordedEvents events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theThresholdthFailureLocksTheObjectUntilReset() {
		String link = UUID.randomUUID().toString();
		for (int failure = 1; failure < 5; failure++) {
			assertThat(this.lockouts.recordFailure("test-lock", link)).isEqualTo(new Status(failure, false, null));
			assertThat(this.lockouts.isLocked("test-lock", link)).isFalse();
		}

		assertThat(this.lockouts.recordFailure("test-lock", link)).isEqualTo(new Status(5, true, null));
		assertThat(this.lockouts.recordFailure("test-lock", link)).isEqualTo(new Status(6, true, null));

		assertThat(this.lockouts.isLocked("test-lock", link)).isTrue();
		assertThat(this.lockouts.isLocked("test-timed", link)).isFalse();
		assertThat(locksOf(link)).singleElement().satisfies((event) -> {
			assertThat(event.purpose()).isEqualTo("test-lock");
			assertThat(event.lockedUntil()).isNull();
			assertThat(event.at()).isBeforeOrEqualTo(this.clock.instant());
		});

		this.lockouts.reset("test-lock", link);

		assertThat(this.lockouts.isLocked("test-lock", link)).isFalse();
		assertThat(this.lockouts.recordFailure("test-lock", link)).isEqualTo(new Status(1, false, null));
	}

	@Test
	void aTimedLockEndsAndCountingStartsOver() {
		String code = UUID.randomUUID().toString();
		this.lockouts.recordFailure("test-timed", code);
		Instant before = this.clock.instant();

		Status locked = this.lockouts.recordFailure("test-timed", code);

		assertThat(locked.locked()).isTrue();
		assertThat(locked.lockedUntil()).isBetween(before.plusMillis(900), this.clock.instant().plusSeconds(1));
		assertThat(this.lockouts.isLocked("test-timed", code)).isTrue();
		this.clock.advance(Duration.between(this.clock.instant(), locked.lockedUntil()).plusMillis(100));
		assertThat(this.lockouts.isLocked("test-timed", code)).isFalse();
		assertThat(this.lockouts.recordFailure("test-timed", code)).isEqualTo(new Status(1, false, null));
		assertThat(this.lockouts.recordFailure("test-timed", code).locked()).isTrue();
		assertThat(locksOf(code)).hasSize(2);
	}

	@Test
	void concurrentFailuresAreCountedExactlyAndLockOnce() throws Exception {
		String object = UUID.randomUUID().toString();
		List<Callable<List<Integer>>> threads = new ArrayList<>();
		for (int thread = 0; thread < 20; thread++) {
			threads.add(() -> {
				List<Integer> counts = new ArrayList<>();
				for (int failure = 0; failure < 5; failure++) {
					counts.add(this.lockouts.recordFailure("test-count", object).failures());
				}
				return counts;
			});
		}
		List<Integer> counts = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(20)) {
			for (Future<List<Integer>> result : executor.invokeAll(threads)) {
				counts.addAll(result.get());
			}
		}

		// Every failure saw a different count: none was lost, none counted twice.
		assertThat(counts).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 100).boxed().toList());
		assertThat(this.lockouts.isLocked("test-count", object)).isTrue();
		assertThat(locksOf(object)).hasSize(1);
	}

	@Test
	void aFailureCountsEvenWhenTheCallersTransactionRollsBack() {
		String link = UUID.randomUUID().toString();

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.lockouts.recordFailure("test-lock", link);
			status.setRollbackOnly();
		});

		assertThat(this.lockouts.recordFailure("test-lock", link).failures()).isEqualTo(2);
	}

	private List<ObjectLocked> locksOf(String objectId) {
		return this.events.locked.stream().filter((event) -> event.objectId().equals(objectId)).toList();
	}

}
