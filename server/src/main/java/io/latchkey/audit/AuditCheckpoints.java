package io.latchkey.audit;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.authorization.GenuineSigningKeys;
import io.latchkey.shared.LatchkeyProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the chain: "the chain up to record N ends in hash H", a JWS under
 * the server's signing key. Each is also written to the log (logger
 * {@code latchkey.audit.checkpoint}) so that it can be kept outside the database; a
 * database writer who truncates the chain and moves its head is caught by any checkpoint
 * beyond the new end.
 */
@Component
class AuditCheckpoints {

	static final String TYPE = "latchkey-audit-checkpoint+jwt";

	static final String LAST_ID = "audit_last_id";

	static final String LAST_HASH = "audit_last_hash";

	private static final Log exported = LogFactory.getLog("latchkey.audit.checkpoint");

	private final JdbcClient jdbc;

	private final ObjectProvider<JwtEncoder> encoder;

	private final GenuineSigningKeys keys;

	private final @Nullable LatchkeyProperties properties;

	private final AuditSettings settings;

	private final Clock clock;

	AuditCheckpoints(JdbcClient jdbc, ObjectProvider<JwtEncoder> encoder, GenuineSigningKeys keys,
			ObjectProvider<LatchkeyProperties> properties, ObjectProvider<AuditSettings> settings,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.keys = keys;
		this.properties = properties.getIfAvailable();
		this.settings = settings.getIfAvailable(() -> new AuditSettings(null, null));
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Signs the chain's end when it moved on and the last checkpoint is old enough.
	 * @return whether a checkpoint now covers the chain's end
	 */
	boolean writeIfDue() {
		ChainHead head = ChainHead.read(this.jdbc, "");
		Optional<Checkpoint> last = latest();
		Instant now = this.clock.instant();
		if (head.lastId() == 0 || (last.isPresent() && last.get().lastId() >= head.lastId())) {
			return true;
		}
		if (last.isPresent() && last.get().createdAt().plus(this.settings.checkpointInterval()).isAfter(now)) {
			return false;
		}
		write(head, now);
		return true;
	}

	/** Signs the chain's end now, whatever the interval. */
	void write(ChainHead head, Instant now) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuedAt(now)
			.claim(LAST_ID, head.lastId())
			.claim(LAST_HASH, head.lastHash());
		if (this.properties != null) {
			claims.issuer(this.properties.issuer().toString());
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).type(TYPE).build();
		String jws = this.encoder.getObject().encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		try {
			this.jdbc.sql("INSERT INTO audit_checkpoint (last_id, last_hash, created_at, jws) VALUES (?, ?, ?, ?)")
				.params(head.lastId(), head.lastHash(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), jws)
				.update();
			exported.info("audit checkpoint " + head.lastId() + " " + jws);
		}
		catch (DuplicateKeyException ex) {
			// Another node signed the same end at the same moment.
		}
	}

	Optional<Checkpoint> latest() {
		return this.jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY last_id DESC LIMIT 1")
			.query(AuditCheckpoints::map)
			.optional();
	}

	List<Checkpoint> all() {
		return this.jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY last_id").query(AuditCheckpoints::map).list();
	}

	/**
	 * Why a checkpoint cannot be trusted, or none: its signature must verify under a
	 * genuine signing key and its claims must match its row.
	 */
	@Nullable String problem(Checkpoint checkpoint) {
		try {
			SignedJWT jws = SignedJWT.parse(checkpoint.jws());
			if (!new JOSEObjectType(TYPE).equals(jws.getHeader().getType()) || jws.getHeader().getKeyID() == null) {
				return "checkpoint is not a Latchkey audit checkpoint";
			}
			Optional<JWK> key = this.keys.publicKey(jws.getHeader().getKeyID());
			if (key.isEmpty() || !(key.get() instanceof AsymmetricJWK asymmetric)) {
				return "checkpoint is signed with a key that is not a genuine signing key";
			}
			if (!jws
				.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(), asymmetric.toPublicKey()))) {
				return "checkpoint signature does not verify";
			}
			Object lastId = jws.getJWTClaimsSet().getClaim(LAST_ID);
			if (!(lastId instanceof Number number) || number.longValue() != checkpoint.lastId()
					|| !checkpoint.lastHash().equals(jws.getJWTClaimsSet().getStringClaim(LAST_HASH))) {
				return "checkpoint claims differ from its row";
			}
			return null;
		}
		catch (ParseException | JOSEException ex) {
			return "checkpoint cannot be read";
		}
	}

	private static Checkpoint map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Checkpoint(rs.getLong("last_id"), rs.getString("last_hash"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("jws"));
	}

	/**
	 * A stored checkpoint.
	 *
	 * @param lastId the last record it covers
	 * @param lastHash that record's hash
	 * @param createdAt when it was signed
	 * @param jws the signed statement
	 */
	record Checkpoint(long lastId, String lastHash, Instant createdAt, String jws) {

	}

}
