package io.latchkey.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.shared.Secrets;
import io.latchkey.shared.SecurityEvent;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.latchkey.audit.AuditTables.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain detects a modified, deleted or inserted record, through the verifier, the
 * admin endpoint and the command line; every test puts the table right again.
 */
class AuditChainTests extends ServerTestSupport {

	@Autowired
	AuditLog log;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditChainer chainer;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	ChainKey key;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	AuditTables tables;

	@BeforeEach
	void tables() {
		this.tables = new AuditTables(this.jdbc);
	}

	@Test
	void eachRecordHashesItsPredecessorsHashAndItsContent() {
		List<AuditRecord> records = appendThree();

		assertThat(records.get(1).id()).isEqualTo(records.get(0).id() + 1);
		assertThat(records.get(1).prevHash()).isEqualTo(records.get(0).hash());
		assertThat(records.get(1).hash()).isEqualTo(hmac(records.get(0).hash() + records.get(1).canonical()))
			.isNotEqualTo(Secrets.sha256Hex(records.get(0).hash() + records.get(1).canonical()));
		assertThat(this.tables.record(records.get(1).id())).isEqualTo(records.get(1));
		ChainVerification verification = this.chain.verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.checked()).isEqualTo(this.tables.head().lastId());
	}

	@Test
	void modifiedRecordIsDetected() {
		AuditRecord original = appendThree().get(1);
		this.jdbc.sql("UPDATE audit_event SET subject = 'someone-else' WHERE id = ?").param(original.id()).update();
		try {
			assertBrokenAt(original.id(), "hash does not match");
		}
		finally {
			this.tables.replace(original);
		}
		assertThat(this.chain.verify().valid()).isTrue();
	}

	@Test
	void modifiedAndRehashedRecordIsDetectedByItsSuccessor() {
		AuditRecord original = appendThree().get(1);
		AuditRecord forged = AuditRecord.chain(original.id(), original.prevHash(), entry("test.forged", "someone"),
				this.key, 1);
		this.tables.replace(forged);
		try {
			assertBrokenAt(original.id() + 1, "prev_hash is not the previous record's hash");
		}
		finally {
			this.tables.replace(original);
		}
	}

	@Test
	void deletedRecordIsDetected() {
		AuditRecord deleted = appendThree().get(1);
		this.tables.delete(deleted.id());
		try {
			assertBrokenAt(deleted.id(), "record is missing");
		}
		finally {
			this.tables.insert(deleted);
		}
		assertThat(this.chain.verify().valid()).isTrue();
	}

	@Test
	void deletedLastRecordIsDetectedThroughTheHead() {
		AuditRecord last = appendThree().get(2);
		this.tables.delete(last.id());
		try {
			assertBrokenAt(last.id(), "record is missing");
		}
		finally {
			this.tables.insert(last);
		}
	}

	@Test
	void recordInsertedAfterTheHeadIsDetectedEvenWithAValidHash() {
		AuditRecord last = appendThree().get(2);
		AuditRecord inserted = AuditRecord.chain(last.id() + 1, last.hash(), entry("test.inserted", "someone"),
				this.key, 1);
		this.tables.insert(inserted);
		try {
			assertBrokenAt(inserted.id(), "record is beyond the chain head");
		}
		finally {
			this.tables.delete(inserted.id());
		}
	}

	@Test
	void recordInsertedBeforeTheFirstIsDetected() {
		appendThree();
		AuditRecord inserted = AuditRecord.chain(0, AuditRecord.GENESIS, entry("test.inserted", "someone"), this.key,
				1);
		this.tables.insert(inserted);
		try {
			assertBrokenAt(0, "out of sequence");
		}
		finally {
			this.tables.delete(0);
		}
	}

	@Test
	void verifyEndpointReportsTheFirstBrokenLink() {
		String token = adminToken();
		AuditRecord original = appendThree().get(1);
		assertThat(verifyOverHttp(token).get("valid").asBoolean()).isTrue();
		this.jdbc.sql("UPDATE audit_event SET detail = '{\"note\":\"edited\"}' WHERE id = ?")
			.param(original.id())
			.update();
		try {
			JsonNode answer = verifyOverHttp(token);

			assertThat(answer.get("valid").asBoolean()).isFalse();
			assertThat(answer.get("checked").asLong()).isEqualTo(original.id() - 1);
			assertThat(answer.get("first_broken").get("id").asLong()).isEqualTo(original.id());
			assertThat(answer.get("first_broken").get("reason").asString()).contains("hash does not match");
		}
		finally {
			this.tables.replace(original);
		}
		assertThat(this.http.get("/api/admin/audit/verify").status()).isEqualTo(401);
	}

	@Test
	void commandExitsZeroOnAnIntactChainAndOneOnABrokenOne() {
		AuditRecord original = appendThree().get(1);
		Command intact = command();
		assertThat(intact.exitCode()).isEqualTo(AuditCommand.VALID);
		assertThat(intact.output()).startsWith("audit chain valid: ").hasLineCount(1);

		this.tables.delete(original.id());
		try {
			Command broken = command();

			assertThat(broken.exitCode()).isEqualTo(AuditCommand.BROKEN);
			assertThat(broken.output())
				.startsWith("audit chain BROKEN at record " + original.id() + ": record is missing")
				.hasLineCount(1);
		}
		finally {
			this.tables.insert(original);
		}
	}

	@Test
	void commandExitsTwoWhenTheDatabaseHasNoAuditLog() {
		Command missing = command("--spring.datasource.url=jdbc:h2:mem:empty-" + System.nanoTime(),
				"--spring.datasource.username=sa");

		assertThat(missing.exitCode()).isEqualTo(AuditCommand.FAILED);
		assertThat(missing.output()).startsWith("audit chain could not be checked");
	}

	@Test
	void tailRewrittenAndRelinkedWithoutTheKeyIsDetected() {
		List<AuditRecord> originals = appendThree();
		ChainHead head = this.tables.head();
		this.checkpoints.write(head, Instant.now());
		// An intruder with the database but not the master key edits a record and
		// re-links it and every later one with plain SHA-256, as the chain once was,
		// and moves the head.
		List<AuditRecord> tail = this.tables.from(originals.get(1).id());
		String prevHash = originals.get(0).hash();
		List<AuditRecord> forged = new ArrayList<>();
		for (AuditRecord record : tail) {
			AuditRecord edited = new AuditRecord(record.id(), record.occurredAt(), record.type(), record.outcome(),
					record.actorType(), record.actor(),
					record.id() == originals.get(1).id() ? "someone-else" : record.subject(), record.tenant(),
					record.clientIp(), record.userAgent(), record.detail(), prevHash, "");
			String hash = Secrets.sha256Hex(prevHash + edited.canonical());
			forged.add(new AuditRecord(edited.id(), edited.occurredAt(), edited.type(), edited.outcome(),
					edited.actorType(), edited.actor(), edited.subject(), edited.tenant(), edited.clientIp(),
					edited.userAgent(), edited.detail(), prevHash, hash));
			prevHash = hash;
		}
		forged.forEach(this.tables::replace);
		this.tables.moveHead(head.lastId(), prevHash);
		try {
			assertBrokenAt(originals.get(1).id(), "hash does not match");
		}
		finally {
			tail.forEach(this.tables::replace);
			this.tables.moveHead(head.lastId(), head.lastHash());
		}
		assertThat(this.chain.verify().valid()).isTrue();
	}

	@Test
	void tailDeletedAndHeadMovedBackIsDetectedByTheSignedCheckpoint() {
		List<AuditRecord> originals = appendThree();
		ChainHead head = this.tables.head();
		this.checkpoints.write(head, Instant.now());
		List<AuditRecord> tail = this.tables.from(originals.get(1).id());
		tail.forEach((record) -> this.tables.delete(record.id()));
		this.tables.moveHead(originals.get(0).id(), originals.get(0).hash());
		try {
			assertBrokenAt(originals.get(1).id(), "a signed checkpoint covers the chain up to record");
		}
		finally {
			tail.forEach(this.tables::insert);
			this.tables.moveHead(head.lastId(), head.lastHash());
		}
		assertThat(this.chain.verify().valid()).isTrue();
	}

	@Test
	void checkpointSignedWithAKeyOfTheIntrudersOwnIsDetected() throws Exception {
		appendThree();
		ChainHead head = this.tables.head();
		ECKey intruder = new ECKeyGenerator(Curve.P_256).keyID("intruder").generate();
		// Even a key the intruder also slips into the key table does not help: its
		// private part does not open under the master key.
		this.jdbc
			.sql("INSERT INTO signing_key (kid, algorithm, state, public_jwk, private_key_encrypted, created_at) "
					+ "VALUES ('intruder', 'ES256', 'RETIRED', ?, ?, CURRENT_TIMESTAMP)")
			.params(intruder.toPublicJWK().toJSONString(), new byte[] { 1, 2, 3 })
			.update();
		SignedJWT forged = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("intruder")
					.type(new JOSEObjectType(AuditCheckpoints.TYPE))
					.build(),
				new JWTClaimsSet.Builder().claim(AuditCheckpoints.LAST_ID, head.lastId() + 50)
					.claim(AuditCheckpoints.LAST_HASH, head.lastHash())
					.build());
		forged.sign(new ECDSASigner(intruder));
		this.tables.insertCheckpoint(head.lastId() + 50, head.lastHash(), forged.serialize());
		try {
			assertBrokenAt(head.lastId() + 50, "not a genuine signing key");
		}
		finally {
			this.tables.deleteCheckpoint(head.lastId() + 50);
			this.jdbc.sql("DELETE FROM signing_key WHERE kid = 'intruder'").update();
		}
	}

	@Test
	void recordCommitsOrRollsBackWithTheChangeItRecords() {
		String kept = "kept-" + UUID.randomUUID();
		String lost = "lost-" + UUID.randomUUID();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult((status) -> this.events.publishEvent(new Happened(kept, Instant.now())));
		transaction.executeWithoutResult((status) -> {
			this.events.publishEvent(new Happened(lost, Instant.now()));
			status.setRollbackOnly();
		});
		this.chainer.chainPending();

		assertThat(countRecords(kept)).isOne();
		assertThat(countRecords(lost)).isZero();
	}

	@Test
	void recordsArePendingUntilChainedAndTheVerifierCountsThem() {
		this.chainer.chainPending();
		// Holding the chain head's lock keeps every chainer, the scheduled ones included,
		// waiting, so the record stays pending while the verifier looks.
		ChainVerification before = new TransactionTemplate(this.transactions).execute((status) -> {
			this.jdbc.sql("SELECT last_id FROM audit_chain_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
			return CompletableFuture.supplyAsync(() -> {
				this.log.append(entry("test.pending", "subject-" + UUID.randomUUID()));
				return this.chain.verify();
			}).join();
		});
		assertThat(before.valid()).isTrue();
		assertThat(before.pending()).isGreaterThanOrEqualTo(1);

		this.chainer.chainPending();

		assertThat(this.chain.verify().pending()).isZero();
	}

	private List<AuditRecord> appendThree() {
		String run = UUID.randomUUID().toString();
		IntStream.range(0, 3).forEach((i) -> this.log.append(entry("test.chain", run + "/" + i)));
		this.chainer.chainPending();
		return this.jdbc.sql("SELECT * FROM audit_event WHERE subject LIKE ? ORDER BY id")
			.param(run + "/%")
			.query(AuditRecord::map)
			.list();
	}

	private long countRecords(String subject) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE subject = ?")
			.param(subject)
			.query(Long.class)
			.single();
	}

	private String hmac(String content) {
		return this.key.link(Long.MAX_VALUE, 1, "", content);
	}

	private void assertBrokenAt(long id, String reason) {
		ChainVerification verification = this.chain.verify();
		assertThat(verification.valid()).isFalse();
		assertThat(verification.firstBroken().id()).isEqualTo(id);
		assertThat(verification.firstBroken().reason()).contains(reason);
	}

	private JsonNode verifyOverHttp(String token) {
		Response response = this.http.get("/api/admin/audit/verify", "Authorization", TestHttp.bearer(token));
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static Command command(String... database) {
		String[] settings = (database.length > 0) ? database
				: new String[] { "--spring.datasource.url=" + TestDatabase.url(),
						"--spring.datasource.username=" + TestDatabase.username(),
						"--latchkey.data-dir=./target/test-data" };
		String[] args = new String[settings.length + 3];
		args[0] = "audit";
		args[1] = "verify";
		args[2] = "--spring.datasource.password=";
		System.arraycopy(settings, 0, args, 3, settings.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8), args);
		return new Command(code, out.toString(StandardCharsets.UTF_8).strip());
	}

	/** A security event of a test's own. */
	record Happened(String subject, Instant at) implements SecurityEvent {

		@Override
		public String auditType() {
			return "test.transactional";
		}

	}

	/** What the command printed and how it exited. */
	record Command(int exitCode, String output) {

	}

}
