package io.latchkey.datalink;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.latchkey.abuse.Lockouts;
import io.latchkey.shared.MasterKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What admins do to a data link after creating it: revoke it, lift its lockout, read its
 * answer. Each step is published for the audit log.
 */
@Service
class DataLinkAdministration {

	private final DataLinkRepository repository;

	private final Lockouts lockouts;

	private final MasterKey masterKey;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DataLinkAdministration(DataLinkRepository repository, Lockouts lockouts, MasterKey masterKey,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.lockouts = lockouts;
		this.masterKey = masterKey;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	DataLink find(UUID id) {
		return this.repository.findById(id).orElseThrow(() -> new DataLinkNotFoundException("data link"));
	}

	void revoke(UUID id, String actor) {
		DataLink link = find(id);
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			if (this.repository.revoke(link.id(), now)) {
				this.events.publishEvent(new DataLinkRevoked(link.id(), actor, now));
			}
		});
	}

	void unlock(UUID id, String actor) {
		DataLink link = find(id);
		Instant now = this.clock.instant();
		this.lockouts.reset(DataLinkAccess.LOCKOUT, link.id().toString());
		this.transactions.executeWithoutResult((status) -> {
			this.repository.unlock(link.id());
			this.events.publishEvent(new DataLinkUnlocked(link.id(), actor, now));
		});
	}

	ReadSubmission submission(UUID id, String actor) {
		DataLink link = find(id);
		DataLinkRepository.Submission submission = this.repository.submission(link.id())
			.orElseThrow(() -> new DataLinkNotFoundException("submission"));
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new DataLinkSubmissionRead(link.id(), actor, now)));
		return new ReadSubmission(this.masterKey.decrypt(submission.answer()), submission.submittedAt());
	}

	/**
	 * A decrypted answer.
	 */
	record ReadSubmission(byte[] answer, Instant submittedAt) {

	}

}
