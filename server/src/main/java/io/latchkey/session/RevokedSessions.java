package io.latchkey.session;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Repository;

/**
 * Session tokens ended before their expiry, by {@code jti}, and all session tokens of a
 * person issued before a moment (a cutoff per subject), kept in the database so that
 * every node refuses them; a row is dropped once its tokens would have expired anyway.
 */
@Repository
class RevokedSessions {

	private final JdbcClient jdbc;

	private final SessionSettings settings;

	private final Clock clock;

	RevokedSessions(JdbcClient jdbc, SessionSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	void revoke(String tokenId, Instant expiresAt) {
		try {
			this.jdbc.sql("INSERT INTO latchkey_revoked_session (jti, expires_at) VALUES (?, ?)")
				.params(tokenId, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Already revoked, by a concurrent request or another node.
		}
	}

	/**
	 * Revokes every session token of the subject issued before the given moment; tokens
	 * issued later in the same second are refused too, since {@code iat} counts seconds.
	 */
	void revokeAllOf(String subject, Instant notBefore) {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC);
		String update = "UPDATE latchkey_session_cutoff SET not_before = ? WHERE subject = ? AND not_before < ?";
		if (this.jdbc.sql(update).params(cutoff, subject, cutoff).update() > 0 || hasCutoff(subject)) {
			return;
		}
		try {
			this.jdbc.sql("INSERT INTO latchkey_session_cutoff (subject, not_before) VALUES (?, ?)")
				.params(subject, cutoff)
				.update();
		}
		catch (DuplicateKeyException ex) {
			this.jdbc.sql(update).params(cutoff, subject, cutoff).update();
		}
	}

	/** Whether the token was ended by its id, or issued before its subject's cutoff. */
	boolean isRevoked(Jwt token) {
		if (token.getId() == null || isRevoked(token.getId())) {
			return true;
		}
		Instant issuedAt = (token.getIssuedAt() != null) ? token.getIssuedAt() : Instant.EPOCH;
		return this.jdbc.sql("SELECT COUNT(*) FROM latchkey_session_cutoff WHERE subject = ? AND not_before > ?")
			.params(token.getSubject(), OffsetDateTime.ofInstant(issuedAt, ZoneOffset.UTC))
			.query(Integer.class)
			.single() > 0;
	}

	private boolean hasCutoff(String subject) {
		return this.jdbc.sql("SELECT COUNT(*) FROM latchkey_session_cutoff WHERE subject = ?")
			.param(subject)
			.query(Integer.class)
			.single() > 0;
	}

	boolean isRevoked(String tokenId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM latchkey_revoked_session WHERE jti = ?")
			.param(tokenId)
			.query(Integer.class)
			.single() > 0;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purgeExpired() {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.sql("DELETE FROM latchkey_revoked_session WHERE expires_at < ?").param(now).update();
		// A token issued before a cutoff expired at most one token lifetime after it.
		this.jdbc.sql("DELETE FROM latchkey_session_cutoff WHERE not_before < ?")
			.param(now.minus(this.settings.tokenTtl()))
			.update();
	}

}
