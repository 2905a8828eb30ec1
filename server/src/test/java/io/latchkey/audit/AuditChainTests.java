package io.latchkey.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import io.latchkey.shared.Secrets;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
		assertThat(records.get(1).hash())
			.isEqualTo(Secrets.sha256Hex(records.get(0).hash() + records.get(1).canonical()));
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
		AuditRecord forged = AuditRecord.chain(original.id(), original.prevHash(), entry("test.forged", "someone"));
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
		AuditRecord inserted = AuditRecord.chain(last.id() + 1, last.hash(), entry("test.inserted", "someone"));
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
		AuditRecord inserted = AuditRecord.chain(0, AuditRecord.GENESIS, entry("test.inserted", "someone"));
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

	private List<AuditRecord> appendThree() {
		return IntStream.range(0, 3).mapToObj((i) -> this.log.append(entry("test.chain", "subject-" + i))).toList();
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
						"--spring.datasource.username=" + TestDatabase.username() };
		String[] args = new String[settings.length + 3];
		args[0] = "audit";
		args[1] = "verify";
		args[2] = "--spring.datasource.password=";
		System.arraycopy(settings, 0, args, 3, settings.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = AuditCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8), args);
		return new Command(code, out.toString(StandardCharsets.UTF_8).strip());
	}

	/** What the command printed and how it exited. */
	record Command(int exitCode, String output) {

	}

}
