package io.latchkey.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One security event as it is to be recorded, before it joins the chain. Text is cleaned
 * and cut to its column's length here, so what is hashed is exactly what is stored.
 *
 * @param occurredAt when it happened, to the microsecond (what the database keeps)
 * @param type what happened, such as {@code login} or {@code token.issued}
 * @param outcome whether the attempt succeeded
 * @param actorType who acted: a user, a client or the system itself
 * @param actor the username or client id that acted
 * @param subject whom or what the event is about
 * @param tenant the tenant, where the event belongs to one
 * @param clientIp the address of the client behind the request
 * @param userAgent the request's {@code User-Agent}
 * @param detail a small JSON object of non-secret facts
 */
record AuditEntry(Instant occurredAt, String type, Outcome outcome, ActorType actorType, @Nullable String actor,
		@Nullable String subject, @Nullable String tenant, @Nullable String clientIp, @Nullable String userAgent,
		String detail) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int DETAIL_VALUE_LENGTH = 200;

	AuditEntry {
		occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
		actor = clean(actor, 200);
		subject = clean(subject, 200);
		tenant = clean(tenant, 100);
		clientIp = clean(clientIp, 45);
		userAgent = clean(userAgent, 400);
	}

	static AuditEntry of(String type, Outcome outcome, Instant at) {
		return new AuditEntry(at, type, outcome, ActorType.SYSTEM, null, null, null, null, null, "{}");
	}

	AuditEntry actor(ActorType actorType, @Nullable String actor) {
		return new AuditEntry(this.occurredAt, this.type, this.outcome, actorType, actor, this.subject, this.tenant,
				this.clientIp, this.userAgent, this.detail);
	}

	AuditEntry subject(@Nullable String subject) {
		return new AuditEntry(this.occurredAt, this.type, this.outcome, this.actorType, this.actor, subject,
				this.tenant, this.clientIp, this.userAgent, this.detail);
	}

	AuditEntry from(@Nullable String clientIp, @Nullable String userAgent) {
		return new AuditEntry(this.occurredAt, this.type, this.outcome, this.actorType, this.actor, this.subject,
				this.tenant, clientIp, userAgent, this.detail);
	}

	/** Never pass a secret here: detail is stored and shown as it is. */
	AuditEntry detail(Map<String, ?> facts) {
		Map<String, String> cleaned = new TreeMap<>();
		facts.forEach((name, value) -> {
			String text = clean((value != null) ? value.toString() : null, DETAIL_VALUE_LENGTH);
			if (text != null) {
				cleaned.put(name, text);
			}
		});
		return new AuditEntry(this.occurredAt, this.type, this.outcome, this.actorType, this.actor, this.subject,
				this.tenant, this.clientIp, this.userAgent, JSON.writeValueAsString(cleaned));
	}

	/**
	 * Control characters and lone surrogates become {@code ?}: PostgreSQL refuses NUL,
	 * and anything the database would alter on the way in would break the record's hash.
	 */
	static @Nullable String clean(@Nullable String value, int maxLength) {
		if (value == null) {
			return null;
		}
		StringBuilder cleaned = new StringBuilder(Math.min(value.length(), maxLength));
		for (int i = 0; i < value.length() && cleaned.length() < maxLength; i++) {
			char c = value.charAt(i);
			cleaned.append((Character.isISOControl(c) || Character.isSurrogate(c)) ? '?' : c);
		}
		return cleaned.toString();
	}

	/** An entry as the pending table holds it, in the form the chain stores. */
	static AuditEntry mapPending(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("event_type"),
				Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
				ActorType.valueOf(rs.getString("actor_type").toUpperCase(Locale.ROOT)), rs.getString("actor"),
				rs.getString("subject"), rs.getString("tenant"), rs.getString("client_ip"), rs.getString("user_agent"),
				rs.getString("detail"));
	}

	static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/** Whether the attempt the event reports succeeded. */
	enum Outcome {

		SUCCESS, FAILURE

	}

	/** Who acted. */
	enum ActorType {

		USER, CLIENT, SYSTEM

	}

}
