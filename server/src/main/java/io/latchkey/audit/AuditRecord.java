package io.latchkey.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A recorded audit event, a link of the hash chain.
 * <p>
 * Its <em>canonical content</em> is its fields in this order: id, occurred_at (ISO-8601
 * in UTC as {@link Instant#toString()} writes it, to the microsecond), event_type,
 * outcome, actor_type, actor, subject, tenant, client_ip, user_agent, detail; each
 * written as its length in UTF-8 bytes, a colon and the value, or as {@code -} when
 * absent. {@code hash} is the lower-case hex HMAC-SHA256, under the chain key, of the
 * UTF-8 bytes of {@code prev_hash} followed by the canonical content (plain SHA-256 for
 * records written before the chain was keyed); the first record's {@code prev_hash} is 64
 * zeros.
 */
record AuditRecord(long id, Instant occurredAt, String type, String outcome, String actorType, @Nullable String actor,
		@Nullable String subject, @Nullable String tenant, @Nullable String clientIp, @Nullable String userAgent,
		String detail, String prevHash, String hash) {

	static final String GENESIS = "0".repeat(64);

	static AuditRecord chain(long id, String prevHash, AuditEntry entry, ChainKey key, long keyedFrom) {
		AuditRecord unhashed = new AuditRecord(id, entry.occurredAt(), entry.type(), AuditEntry.name(entry.outcome()),
				AuditEntry.name(entry.actorType()), entry.actor(), entry.subject(), entry.tenant(), entry.clientIp(),
				entry.userAgent(), entry.detail(), prevHash, "");
		return new AuditRecord(id, unhashed.occurredAt, unhashed.type, unhashed.outcome, unhashed.actorType,
				unhashed.actor, unhashed.subject, unhashed.tenant, unhashed.clientIp, unhashed.userAgent,
				unhashed.detail, prevHash, unhashed.expectedHash(key, keyedFrom));
	}

	String canonical() {
		StringBuilder content = new StringBuilder();
		for (String field : new String[] { Long.toString(this.id), this.occurredAt.toString(), this.type, this.outcome,
				this.actorType, this.actor, this.subject, this.tenant, this.clientIp, this.userAgent, this.detail }) {
			if (field == null) {
				content.append('-');
			}
			else {
				content.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
			}
		}
		return content.toString();
	}

	String expectedHash(ChainKey key, long keyedFrom) {
		return key.link(this.id, keyedFrom, this.prevHash, canonical());
	}

	static AuditRecord map(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("event_type"), rs.getString("outcome"), rs.getString("actor_type"), rs.getString("actor"),
				rs.getString("subject"), rs.getString("tenant"), rs.getString("client_ip"), rs.getString("user_agent"),
				rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
