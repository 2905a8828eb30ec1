package io.latchkey.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/**
 * Invitations in {@code invitation}, found by the SHA-256 of their secret. Redemption is
 * one conditional update, so of concurrent redemptions on any number of nodes exactly one
 * changes the row.
 */
@Repository
class InvitationRepository {

	private final JdbcClient jdbc;

	InvitationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Invitation invitation, String secretHash) {
		this.jdbc
			.sql("INSERT INTO invitation (id, secret_hash, client_id, subject, scopes, created_by, created_at, "
					+ "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(invitation.id(), secretHash, invitation.clientId(), invitation.subject(),
					String.join(" ", invitation.scopes()), invitation.createdBy(), utc(invitation.createdAt()),
					utc(invitation.expiresAt()))
			.update();
	}

	/**
	 * Marks the invitation redeemed if it is pending; {@code true} for the one caller
	 * that did.
	 */
	boolean claim(String secretHash, @Nullable String challenge, Instant now) {
		return this.jdbc
			.sql("UPDATE invitation SET redeemed_at = :now, redeemed_challenge = :challenge "
					+ "WHERE secret_hash = :hash AND redeemed_at IS NULL AND revoked_at IS NULL AND expires_at > :now")
			.param("now", utc(now))
			.param("challenge", challenge, Types.VARCHAR)
			.param("hash", secretHash)
			.update() == 1;
	}

	/**
	 * Whether the invitation was redeemed since {@code since} with this very challenge,
	 * and is neither revoked nor expired. Locks the row like {@link #claim}, so that a
	 * revocation either waits for the retry's redemption to commit or is seen by it.
	 */
	boolean retryAllowed(String secretHash, String challenge, Instant since, Instant now) {
		return this.jdbc
			.sql("UPDATE invitation SET redeemed_at = redeemed_at WHERE secret_hash = :hash AND redeemed_challenge = "
					+ ":challenge AND redeemed_at > :since AND revoked_at IS NULL AND expires_at > :now")
			.param("hash", secretHash)
			.param("challenge", challenge)
			.param("since", utc(since))
			.param("now", utc(now))
			.update() == 1;
	}

	Optional<Invitation> findByHash(String secretHash) {
		return this.jdbc.sql("SELECT * FROM invitation WHERE secret_hash = ?")
			.param(secretHash)
			.query(InvitationRepository::map)
			.optional();
	}

	Optional<Invitation> findById(UUID id) {
		return this.jdbc.sql("SELECT * FROM invitation WHERE id = ?")
			.param(id)
			.query(InvitationRepository::map)
			.optional();
	}

	List<UUID> pendingFor(String subject, String clientId, Instant now) {
		return this.jdbc
			.sql("SELECT id FROM invitation WHERE subject = ? AND client_id = ? AND redeemed_at IS NULL "
					+ "AND revoked_at IS NULL AND expires_at > ?")
			.params(subject, clientId, utc(now))
			.query(UUID.class)
			.list();
	}

	/**
	 * Revokes an invitation not yet revoked and, unless {@code evenIfRedeemed}, not yet
	 * redeemed; {@code true} if this call did. One conditional update, so a concurrent
	 * redemption either finds it revoked or is seen here as redeemed.
	 */
	boolean revoke(UUID id, boolean evenIfRedeemed, Instant now) {
		return this.jdbc
			.sql("UPDATE invitation SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"
					+ (evenIfRedeemed ? "" : " AND redeemed_at IS NULL"))
			.params(utc(now), id)
			.update() == 1;
	}

	void markDelivered(UUID id, String via) {
		this.jdbc.sql("UPDATE invitation SET delivered_via = ? WHERE id = ?").params(via, id).update();
	}

	void recordRedemption(UUID invitationId, String authorizationId, Instant at) {
		this.jdbc
			.sql("INSERT INTO invitation_redemption (authorization_id, invitation_id, redeemed_at) VALUES (?, ?, ?)")
			.params(authorizationId, invitationId, utc(at))
			.update();
	}

	List<String> authorizationsOf(UUID invitationId) {
		return this.jdbc.sql("SELECT authorization_id FROM invitation_redemption WHERE invitation_id = ?")
			.param(invitationId)
			.query(String.class)
			.list();
	}

	/** One page of invitations, newest first, and how many match in all. */
	Page search(InvitationQuery query, Instant now) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (StringUtils.hasText(query.subject())) {
			where.append(" AND subject = :subject");
			params.put("subject", query.subject());
		}
		if (StringUtils.hasText(query.clientId())) {
			where.append(" AND client_id = :client");
			params.put("client", query.clientId());
		}
		if (query.status() != null) {
			where.append(switch (query.status()) {
				case PENDING -> " AND revoked_at IS NULL AND redeemed_at IS NULL AND expires_at > :now";
				case REDEEMED -> " AND revoked_at IS NULL AND redeemed_at IS NOT NULL";
				case REVOKED -> " AND revoked_at IS NOT NULL";
				case EXPIRED -> " AND revoked_at IS NULL AND redeemed_at IS NULL AND expires_at <= :now";
			});
			params.put("now", utc(now));
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM invitation" + where).params(params).query(Long.class).single();
		List<Invitation> items = this.jdbc
			.sql("SELECT * FROM invitation" + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query(InvitationRepository::map)
			.list();
		return new Page(new ArrayList<>(items), total);
	}

	int deleteExpiredBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM invitation WHERE expires_at < ? AND (redeemed_at IS NULL OR redeemed_at < ?)")
			.params(utc(cutoff), utc(cutoff))
			.update();
	}

	private static Invitation map(ResultSet rs, int row) throws SQLException {
		String scopes = rs.getString("scopes");
		return new Invitation(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("subject"),
				scopes.isBlank() ? Set.of() : Set.of(scopes.split(" ")), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
				instant(rs, "redeemed_at"), rs.getString("delivered_via"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * A page of a search.
	 */
	record Page(List<Invitation> items, long total) {

	}

}
