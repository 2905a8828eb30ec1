package io.latchkey.datalink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.datalink.Visitors.Visitor;
import io.latchkey.delivery.Channel;
import io.latchkey.delivery.DeliveryFailedException;
import io.latchkey.delivery.DeliveryReceipt;
import io.latchkey.delivery.Message;
import io.latchkey.delivery.Messages;
import io.latchkey.shared.ClientAddress;
import io.latchkey.shared.MasterKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails the one-time code of an {@code email_otp} link when the person asks for it: six
 * digits, valid for {@code latchkey.data-links.otp-ttl}, at most
 * {@code latchkey.abuse.limits.data-link-otp} sends per link (3 an hour). A new code
 * replaces the previous one.
 */
@Service
class OneTimeCodes {

	static final String SEND_LIMIT = "data-link-otp";

	private final DataLinkAccess access;

	private final DataLinkRepository repository;

	private final Factors factors;

	private final MasterKey masterKey;

	private final Messages messages;

	private final RateLimiter limiter;

	private final DataLinkSettings settings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OneTimeCodes(DataLinkAccess access, DataLinkRepository repository, Factors factors, MasterKey masterKey,
			Messages messages, RateLimiter limiter, DataLinkSettings settings, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.repository = repository;
		this.factors = factors;
		this.masterKey = masterKey;
		this.messages = messages;
		this.limiter = limiter;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Sends a fresh code. Unknown links are answered like known ones, and nothing is
	 * sent.
	 */
	void send(String linkId, Visitor visitor) {
		this.limiter.enforce(DataLinkAccess.ADDRESS_LIMIT, ClientAddress.limitKey(visitor.address()));
		DataLink link = this.access.find(linkId);
		if (link == null) {
			return;
		}
		Instant now = this.clock.instant();
		if (link.isGone(now)) {
			throw new DataLinkGoneException();
		}
		if (link.factorType() != FactorType.EMAIL_OTP) {
			throw new InvalidDataLinkRequestException("This link asks for no emailed code.");
		}
		this.limiter.enforce(SEND_LIMIT, link.id().toString());
		String address = this.repository.factorEmail(link.id())
			.map((sealed) -> new String(this.masterKey.decrypt(sealed), StandardCharsets.UTF_8))
			.orElseThrow();
		String code = this.factors.newOneTimeCode();
		this.repository.storeOneTimeCode(link.id(), this.factors.hash(link.id(), code),
				now.plus(this.settings.otpTtl()));
		long minutes = this.settings.otpTtl().toMinutes();
		DeliveryReceipt receipt;
		try {
			receipt = this.messages.send(new Message(Channel.EMAIL, address, "Your code for your secure link",
					"Your code to open your secure link is " + code + ". It is valid for " + minutes
							+ " minutes. Nobody will ever ask you for it."));
		}
		catch (DeliveryFailedException ex) {
			receipt = new DeliveryReceipt(Channel.EMAIL, "failed");
		}
		String route = receipt.route();
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new DataLinkCodeSent(link.id(), route, visitor.address(), visitor.userAgent(), now)));
	}

}
