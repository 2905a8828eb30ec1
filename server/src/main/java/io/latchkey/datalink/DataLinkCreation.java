package io.latchkey.datalink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.latchkey.delivery.Channel;
import io.latchkey.delivery.DeliveryFailedException;
import io.latchkey.delivery.DeliveryReceipt;
import io.latchkey.delivery.Message;
import io.latchkey.delivery.Messages;
import io.latchkey.shared.LatchkeyProperties;
import io.latchkey.shared.MasterKey;
import io.latchkey.shared.Secrets;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates data links: freezes the payload (encrypted), keeps the factor as a keyed hash,
 * stores the link id's hash and delivers the link.
 */
@Service
class DataLinkCreation {

	/** 192 random bits in 32 URL-safe characters. */
	private static final int LINK_ID_BYTES = 24;

	private final DataLinkRepository repository;

	private final Factors factors;

	private final AnswerSchemas schemas;

	private final MasterKey masterKey;

	private final Messages messages;

	private final JsonMapper json;

	private final DataLinkSettings settings;

	private final LatchkeyProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DataLinkCreation(DataLinkRepository repository, Factors factors, AnswerSchemas schemas, MasterKey masterKey,
			Messages messages, JsonMapper json, DataLinkSettings settings, LatchkeyProperties properties,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.factors = factors;
		this.schemas = schemas;
		this.masterKey = masterKey;
		this.messages = messages;
		this.json = json;
		this.settings = settings;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	CreatedDataLink create(NewDataLink request, String actor) {
		Duration ttl = (request.expiresIn() != null) ? request.expiresIn() : this.settings.defaultTtl();
		if (ttl.compareTo(this.settings.maxTtl()) > 0) {
			throw new InvalidDataLinkRequestException(
					"expires_in must be at most " + this.settings.maxTtl().toSeconds() + " seconds");
		}
		byte[] payload = limited(this.json.writeValueAsBytes(request.payload()), "payload");
		byte[] schema = null;
		if (request.schema() != null) {
			this.schemas.requireUsable(request.schema());
			schema = limited(this.json.writeValueAsBytes(request.schema()), "schema");
		}
		UUID id = UUID.randomUUID();
		String pin = null;
		String factorHash = null;
		switch (request.factorType()) {
			case DOB -> factorHash = this.factors.hash(id,
					this.factors.normalise(FactorType.DOB, request.factorValue())
						.orElseThrow(() -> new InvalidDataLinkRequestException(
								"factor.value must be a date of birth, e.g. 1980-04-02")));
			case PIN -> {
				pin = this.factors.newPin(this.settings.pinDigits());
				factorHash = this.factors.hash(id, pin);
			}
			case EMAIL_OTP -> {
				// The code is made when the person asks for it.
			}
		}
		byte[] email = (request.factorEmail() != null)
				? this.masterKey.encrypt(request.factorEmail().getBytes(StandardCharsets.UTF_8)) : null;
		String linkId = Secrets.random(LINK_ID_BYTES);
		Instant now = this.clock.instant();
		DataLink link = new DataLink(id, request.tenant(), request.factorType(), factorHash, schema != null,
				request.allowsSubmission(), request.maxLeases(), 0, actor, now, now.plus(ttl), null, null, null, null,
				null);
		byte[] sealedPayload = this.masterKey.encrypt(payload);
		byte[] sealedSchema = (schema != null) ? this.masterKey.encrypt(schema) : null;
		this.transactions.executeWithoutResult((status) -> {
			this.repository.insert(link, Secrets.sha256Hex(linkId), sealedPayload, sealedSchema, email);
			this.events.publishEvent(
					new DataLinkCreated(id, link.tenant(), link.factorType().value(), link.expiresAt(), actor, now));
		});
		String url = url(linkId);
		List<DeliveryReceipt> deliveries = deliver(link, url, request);
		return new CreatedDataLink(link, url, pin, deliveries);
	}

	String url(String linkId) {
		String issuer = this.properties.issuer().toString();
		return (issuer.endsWith("/") ? issuer : issuer + "/") + "l/" + linkId;
	}

	private byte[] limited(byte[] value, String name) {
		if (value.length > this.settings.maxPayloadSize().toBytes()) {
			throw new InvalidDataLinkRequestException(
					name + " must be at most " + this.settings.maxPayloadSize().toBytes() + " bytes");
		}
		return value;
	}

	private List<DeliveryReceipt> deliver(DataLink link, String url, NewDataLink request) {
		List<DeliveryReceipt> receipts = new ArrayList<>();
		String text = "A secure link was prepared for you: " + url + " (valid until " + link.expiresAt()
				+ "). You will be asked a question only you can answer.";
		send(link, new Message(Channel.EMAIL, nonNull(request.deliverEmail()), "Your secure link", text),
				request.deliverEmail(), receipts);
		send(link, new Message(Channel.SMS, nonNull(request.deliverSms()), null, "Your secure link: " + url),
				request.deliverSms(), receipts);
		return receipts;
	}

	private void send(DataLink link, Message message, @Nullable String to, List<DeliveryReceipt> receipts) {
		if (to == null) {
			return;
		}
		DeliveryReceipt receipt;
		try {
			receipt = this.messages.send(message);
		}
		catch (DeliveryFailedException ex) {
			receipt = new DeliveryReceipt(message.channel(), "failed");
		}
		receipts.add(receipt);
		DeliveryReceipt sent = receipt;
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new DataLinkDelivered(link.id(),
				sent.channel().name().toLowerCase(java.util.Locale.ROOT), sent.route(), this.clock.instant())));
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * A created link: what the creator gets back once.
	 *
	 * @param link the stored link
	 * @param url the link's URL, carrying its id
	 * @param pin the generated PIN, for a {@code pin} factor
	 * @param deliveries how each requested message went
	 */
	record CreatedDataLink(DataLink link, String url, @Nullable String pin, List<DeliveryReceipt> deliveries) {

		@Override
		public String toString() {
			return "CreatedDataLink[" + this.link.id() + "]";
		}

	}

}
