package io.latchkey.datalink;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.latchkey.abuse.Lockouts;
import io.latchkey.abuse.RateLimiter;
import io.latchkey.datalink.Visitors.Visitor;
import io.latchkey.shared.ClientAddress;
import io.latchkey.shared.MasterKey;
import io.latchkey.shared.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a person does with a data link: visit it, pass the factor for a lease, read the
 * payload, answer once or mark it used. Refusals are recorded in transactions of their
 * own, so that the record stands although the request fails.
 */
@Service
class DataLinkAccess {

	static final String LOCKOUT = "data-link-factor";

	static final String ADDRESS_LIMIT = "data-link-ip";

	private final DataLinkRepository repository;

	private final Factors factors;

	private final LeaseTokens leases;

	private final AnswerSchemas schemas;

	private final Lockouts lockouts;

	private final RateLimiter limiter;

	private final MasterKey masterKey;

	private final JsonMapper json;

	private final WebhookOutbox webhooks;

	private final DataLinkSettings settings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DataLinkAccess(DataLinkRepository repository, Factors factors, LeaseTokens leases, AnswerSchemas schemas,
			Lockouts lockouts, RateLimiter limiter, MasterKey masterKey, JsonMapper json, WebhookOutbox webhooks,
			DataLinkSettings settings, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.webhooks = webhooks;
		this.settings = settings;
		this.repository = repository;
		this.factors = factors;
		this.leases = leases;
		this.schemas = schemas;
		this.lockouts = lockouts;
		this.limiter = limiter;
		this.masterKey = masterKey;
		this.json = json;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a visit of the link's page; consumes nothing.
	 * @return the link, if it exists
	 */
	@Nullable DataLink visit(String linkId, Visitor visitor) {
		DataLink link = find(linkId);
		if (link == null) {
			return null;
		}
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			this.repository.recordVisit(link.id(), now);
			this.repository.recordEvent(link.id(), "visit", null, now, visitor.address(), visitor.userAgent());
			this.events.publishEvent(new DataLinkVisited(link.id(), visitor.address(), visitor.userAgent(), now));
		});
		return link;
	}

	/** Checks the second factor and grants a lease. */
	LeaseTokens.Lease lease(String linkId, @Nullable String factor, Visitor visitor) {
		this.limiter.enforce(ADDRESS_LIMIT, ClientAddress.limitKey(visitor.address()));
		DataLink link = find(linkId);
		if (link == null) {
			throw refuse(null, "unknown", 0, visitor);
		}
		Instant now = this.clock.instant();
		if (link.isGone(now)) {
			throw new DataLinkGoneException();
		}
		if (this.lockouts.isLocked(LOCKOUT, link.id().toString())) {
			throw refuse(link, "locked", 0, visitor);
		}
		String expected = (link.factorType() == FactorType.EMAIL_OTP)
				? this.repository.oneTimeCodeHash(link.id(), now).orElse(null) : link.factorHash();
		if (!this.factors.matches(link.id(), link.factorType(), factor, expected)) {
			Lockouts.Status counted = this.lockouts.recordFailure(LOCKOUT, link.id().toString());
			if (counted.locked()) {
				this.repository.markLocked(link.id(), now);
			}
			throw refuse(link, "wrong", counted.failures(), visitor);
		}
		LeaseTokens.Lease lease = this.leases.issue(link.id());
		boolean granted = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.repository.grantLease(link.id(), now)) {
				return false;
			}
			this.repository.recordEvent(link.id(), "attempt", "passed", now, visitor.address(), visitor.userAgent());
			this.events.publishEvent(new DataLinkLeaseGranted(link.id(), visitor.address(), visitor.userAgent(), now));
			return true;
		}));
		if (!granted) {
			throw new DataLinkGoneException();
		}
		return lease;
	}

	private FactorRejectedException refuse(@Nullable DataLink link, String reason, int failures, Visitor visitor) {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			if (link != null) {
				this.repository.recordEvent(link.id(), "attempt", reason, now, visitor.address(), visitor.userAgent());
			}
			this.events.publishEvent(new DataLinkFactorRejected((link != null) ? link.id() : null, reason, failures,
					visitor.address(), visitor.userAgent(), now));
		});
		return new FactorRejectedException();
	}

	/** The payload as frozen at creation, for the holder of a lease. */
	byte[] payload(String linkId, HttpServletRequest request, boolean page, Visitor visitor) {
		DataLink link = leased(linkId, request, page, visitor);
		Instant now = this.clock.instant();
		byte[] payload = this.masterKey.decrypt(this.repository.payload(link.id()));
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new DataLinkPayloadRead(link.id(), visitor.address(), visitor.userAgent(), now)));
		return payload;
	}

	/** The schema answers must satisfy, if the link has one. */
	@Nullable JsonNode schema(DataLink link) {
		return this.repository.schema(link.id())
			.map((sealed) -> this.json.readTree(this.masterKey.decrypt(sealed)))
			.orElse(null);
	}

	/**
	 * Stores the one answer and uses the link up, in one transaction: of concurrent
	 * submissions on any nodes exactly one wins, the others get {@code 410}.
	 */
	void submit(String linkId, HttpServletRequest request, boolean page, JsonNode answer, Visitor visitor) {
		DataLink link = leased(linkId, request, page, visitor);
		if (!link.allowsSubmission()) {
			throw new SubmissionNotAllowedException();
		}
		JsonNode schema = schema(link);
		if (schema != null) {
			List<InvalidAnswerException.FieldError> errors = this.schemas.check(schema, answer);
			if (!errors.isEmpty()) {
				throw new InvalidAnswerException(errors);
			}
		}
		byte[] sealed = this.masterKey.encrypt(this.json.writeValueAsBytes(answer));
		Instant now = this.clock.instant();
		boolean won = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.repository.use(link.id(), "submission", now)) {
				return false;
			}
			this.repository.insertSubmission(link.id(), sealed, now);
			if (this.settings.webhooks().containsKey(link.tenant())) {
				this.webhooks.add(UUID.randomUUID(), link.id(), link.tenant(),
						this.masterKey.encrypt(webhookBody(link, answer, now)), now);
			}
			this.events.publishEvent(
					new DataLinkSubmitted(link.id(), link.tenant(), visitor.address(), visitor.userAgent(), now));
			return true;
		}));
		if (!won) {
			throw new DataLinkGoneException();
		}
	}

	private byte[] webhookBody(DataLink link, JsonNode answer, Instant submittedAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "data-link.submitted");
		body.put("data_link_id", link.id().toString());
		body.put("tenant", link.tenant());
		body.put("submitted_at", submittedAt.toString());
		body.put("answer", answer);
		return this.json.writeValueAsBytes(body);
	}

	/** Marks the link used at the lease holder's request. */
	void use(String linkId, HttpServletRequest request, boolean page, Visitor visitor) {
		DataLink link = leased(linkId, request, page, visitor);
		Instant now = this.clock.instant();
		boolean used = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.repository.use(link.id(), "holder", now)) {
				return false;
			}
			this.events.publishEvent(new DataLinkUsed(link.id(), visitor.address(), visitor.userAgent(), now));
			return true;
		}));
		if (!used) {
			throw new DataLinkGoneException();
		}
	}

	/**
	 * The link, if it is usable and the request carries a valid lease for it with its
	 * cookie.
	 */
	DataLink leased(String linkId, HttpServletRequest request, boolean page, Visitor visitor) {
		DataLink link = find(linkId);
		try {
			if (link == null) {
				throw new LeaseRejectedException(null, "unknown-link");
			}
			if (link.isGone(this.clock.instant())) {
				throw new DataLinkGoneException();
			}
			this.leases.verify(request, link.id(), page);
			return link;
		}
		catch (LeaseRejectedException ex) {
			Instant now = this.clock.instant();
			this.transactions.executeWithoutResult((status) -> this.events.publishEvent(
					new DataLinkLeaseRejected(ex.linkId(), ex.reason(), visitor.address(), visitor.userAgent(), now)));
			throw ex;
		}
	}

	@Nullable DataLink find(String linkId) {
		if (linkId.length() > 100) {
			return null;
		}
		return this.repository.findByHash(Secrets.sha256Hex(linkId)).orElse(null);
	}

}
