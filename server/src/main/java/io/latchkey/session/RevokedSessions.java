package io.latchkey.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Session tokens ended before their expiry, by {@code jti}, kept in the database so that
 * every node refuses them; a row is dropped once its token would have expired anyway.
 */
@Repository
class RevokedSessions {

	private final JdbcClient jdbc;

	RevokedSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	boolean isRevoked(String tokenId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM latchkey_revoked_session WHERE jti = ?")
			.param(tokenId)
			.query(Integer.class)
			.single() > 0;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purgeExpired() {
		this.jdbc.sql("DELETE FROM latchkey_revoked_session WHERE expires_at < ?")
			.param(OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

}
