package io.latchkey.authorization.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and writes the signing-key table; every change that could race with another node
 * is guarded by the database, not by this process.
 */
@Repository
class SigningKeyStore {

	private static final String COLUMNS = "kid, algorithm, state, public_jwk, private_key_encrypted, created_at, "
			+ "activated_at, retired_at";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	SigningKeyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** The active and previous keys. */
	List<StoredSigningKey> findPublished() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE state IN ('ACTIVE', 'PREVIOUS')")
			.query(this::map)
			.list();
	}

	/** Every key, newest first. */
	List<StoredSigningKey> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM signing_key ORDER BY created_at DESC, kid")
			.query(this::map)
			.list();
	}

	/**
	 * Stores a key as the active one for its algorithm, unless another node already did
	 * so for that algorithm.
	 * @return whether this key became active
	 */
	boolean insertFirstActive(StoredSigningKey key) {
		try {
			return Boolean.TRUE.equals(this.transaction.execute((status) -> {
				insertActive(key);
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Makes {@code next} the active key for its algorithm if {@code expectedActiveKid} is
	 * still the active one: that key becomes the previous key and the former previous key
	 * is retired.
	 * @return whether this rotation happened; {@code false} when another node rotated
	 * first
	 */
	boolean rotate(String expectedActiveKid, StoredSigningKey next) {
		Instant now = next.activatedAt();
		try {
			return Boolean.TRUE.equals(this.transaction.execute((status) -> {
				// The conditional update locks the active row; a concurrent rotation
				// waits and then
				// finds the key no longer active.
				int demoted = this.jdbc
					.sql("UPDATE signing_key SET state = 'PREVIOUS', active_for = NULL "
							+ "WHERE kid = ? AND algorithm = ? AND state = 'ACTIVE'")
					.params(expectedActiveKid, next.algorithm().name())
					.update();
				if (demoted != 1) {
					status.setRollbackOnly();
					return false;
				}
				this.jdbc
					.sql("UPDATE signing_key SET state = 'RETIRED', retired_at = ? "
							+ "WHERE algorithm = ? AND state = 'PREVIOUS' AND kid <> ?")
					.params(timestamp(now), next.algorithm().name(), expectedActiveKid)
					.update();
				insertActive(next);
				return true;
			}));
		}
		catch (DuplicateKeyException | ConcurrencyFailureException ex) {
			return false;
		}
	}

	private void insertActive(StoredSigningKey key) {
		this.jdbc
			.sql("INSERT INTO signing_key (" + COLUMNS + ", active_for) VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, NULL, ?)")
			.params(key.kid(), key.algorithm().name(), key.publicJwk().toJSONString(), key.sealedPrivateJwk(),
					timestamp(key.createdAt()), timestamp(key.activatedAt()), key.algorithm().name())
			.update();
	}

	private StoredSigningKey map(ResultSet rs, int row) throws SQLException {
		String kid = rs.getString("kid");
		try {
			return new StoredSigningKey(kid, SigningAlgorithm.valueOf(rs.getString("algorithm")),
					SigningKeyState.valueOf(rs.getString("state")), JWK.parse(rs.getString("public_jwk")),
					rs.getBytes("private_key_encrypted"), instant(rs, "created_at"), instant(rs, "activated_at"),
					instant(rs, "retired_at"));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored public key of signing key " + kid + " is not a JWK");
		}
	}

	private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
