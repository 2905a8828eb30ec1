package io.latchkey.authorization.keys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.jwk.JWK;
import io.latchkey.authorization.ClientRegistration;
import io.latchkey.authorization.ClientRegistrations;
import io.latchkey.authorization.JwtParts;
import io.latchkey.authorization.SigningKeyRotated;
import io.latchkey.shared.LatchkeyProperties;
import io.latchkey.shared.MasterKey;
import io.latchkey.shared.Secrets;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static io.latchkey.test.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Signing keys end to end: what the JWKS publishes, which key signs, how keys are stored
 * and what rotation does to tokens already issued.
 */
class SigningKeysTests extends ServerTestSupport {

	private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

	@Autowired
	private MasterKey masterKey;

	@Autowired
	private JwtEncoder jwtEncoder;

	@Autowired
	private SigningKeyMaintenance maintenance;

	@Autowired
	private SigningKeyStore store;

	@Autowired
	private SigningKeys keys;

	@Autowired
	private ClientRegistrations clients;

	@Autowired
	private ConfigurableApplicationContext context;

	private final List<SigningKeyRotated> rotations = new CopyOnWriteArrayList<>();

	private final ApplicationListener<PayloadApplicationEvent<Object>> listener = ApplicationListener
		.forPayload((payload) -> {
			if (payload instanceof SigningKeyRotated rotated) {
				this.rotations.add(rotated);
			}
		});

	@BeforeEach
	void listen() {
		this.context.addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		this.context.removeApplicationListener(this.listener);
	}

	@Test
	void jwksPublishesTheActiveKeysOfBothAlgorithmsWithoutPrivateMembers() throws Exception {
		Response response = this.http.get("/oauth2/jwks");

		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> keys = jwks(response);
		for (JsonNode key : keys) {
			assertThat(key.propertyNames()).doesNotContainAnyElementsOf(PRIVATE_MEMBERS);
			assertThat(key.get("use").asString()).isEqualTo("sig");
			if (key.get("kty").asString().equals("EC")) {
				assertThat(key.get("crv").asString()).isEqualTo("P-256");
				assertThat(key.get("alg").asString()).isEqualTo("ES256");
			}
			else {
				assertThat(key.get("kty").asString()).isEqualTo("RSA");
				assertThat(key.get("alg").asString()).isEqualTo("RS256");
			}
		}
		assertThat(kids(keys)).contains(activeKid("ES256"), activeKid("RS256"));
		assertThat(keys.stream().filter((key) -> key.get("alg").asString().equals("ES256"))).hasSizeBetween(1, 2);
		assertThat(keys.stream().filter((key) -> key.get("alg").asString().equals("RS256"))).hasSizeBetween(1, 2);
	}

	@Test
	void accessTokensAreEs256WithTheActiveKid() throws Exception {
		String header = JwtParts.header(adminToken());

		assertThat(header).contains("\"alg\":\"ES256\"").contains("\"kid\":\"" + activeKid("ES256") + "\"");
	}

	@Test
	void rs256TokensAreSignedWithTheActiveRsaKey() throws Exception {
		var claims = JwtClaimsSet.builder().subject("someone").build();
		var jwt = this.jwtEncoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));

		assertThat(jwt.getHeaders()).containsEntry("kid", activeKid("RS256"));
	}

	@Test
	void privateKeysAreStoredOnlyEncrypted() throws Exception {
		try (Connection connection = TestDatabase.connect();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT kid, public_jwk, private_key_encrypted FROM signing_key WHERE state = 'ACTIVE'");
				ResultSet rs = statement.executeQuery()) {
			int rows = 0;
			while (rs.next()) {
				rows++;
				String publicJwk = rs.getString("public_jwk");
				byte[] sealed = rs.getBytes("private_key_encrypted");
				JWK privateKey = JWK.parse(new String(this.masterKey.decrypt(sealed), StandardCharsets.UTF_8));
				assertThat(privateKey.getKeyID()).isEqualTo(rs.getString("kid"));
				assertThat(privateKey.isPrivate()).isTrue();

				String sealedText = new String(sealed, StandardCharsets.ISO_8859_1);
				byte[] pkcs8 = (privateKey.getKeyType().getValue().equals("EC"))
						? privateKey.toECKey().toPrivateKey().getEncoded()
						: privateKey.toRSAKey().toPrivateKey().getEncoded();
				byte[] privateScalar = (privateKey.getKeyType().getValue().equals("EC"))
						? ((ECPrivateKey) privateKey.toECKey().toPrivateKey()).getS().toByteArray()
						: ((RSAPrivateKey) privateKey.toRSAKey().toPrivateKey()).getPrivateExponent().toByteArray();
				String d = privateKey.toJSONObject().get("d").toString();
				assertThat(sealedText).doesNotContain(d)
					.doesNotContain(new String(privateScalar, StandardCharsets.ISO_8859_1))
					.doesNotContain(new String(pkcs8, StandardCharsets.ISO_8859_1))
					.doesNotContain(Base64.getEncoder().encodeToString(pkcs8))
					.doesNotContain("\"d\"");
				assertThat(JWK.parse(publicJwk).isPrivate()).isFalse();
				assertThat(publicJwk).doesNotContain(d);

				MasterKey otherKey = new MasterKey(new LatchkeyProperties(java.net.URI.create("http://localhost"),
						Path.of("unused"), Base64.getEncoder().encodeToString(Secrets.randomBytes(32))));
				assertThatIllegalStateException().isThrownBy(() -> otherKey.decrypt(sealed));
			}
			assertThat(rows).isEqualTo(2);
		}
	}

	@Test
	void rotationKeepsThePreviousKeyAndASecondRotationRetiresIt() throws Exception {
		String adminBefore = adminToken();
		String es0 = activeKid("ES256");
		String rs0 = activeKid("RS256");

		Response first = this.http.post("/api/admin/keys/rotate", null, "", "Authorization", bearer(adminBefore));

		assertThat(first.status()).isEqualTo(200);
		String es1 = first.json().get("ES256").asString();
		String rs1 = first.json().get("RS256").asString();
		assertThat(first.json().propertyNames()).containsExactlyInAnyOrder("ES256", "RS256");
		assertThat(es1).isNotEqualTo(es0).isEqualTo(activeKid("ES256"));
		assertThat(rs1).isNotEqualTo(rs0).isEqualTo(activeKid("RS256"));
		assertThat(kids(jwks(this.http.get("/oauth2/jwks")))).containsExactlyInAnyOrder(es1, es0, rs1, rs0);
		assertThat(this.rotations)
			.anyMatch((event) -> event.algorithm().equals("ES256") && event.kid().equals(es1) && event.at() != null)
			.anyMatch((event) -> event.algorithm().equals("RS256") && event.kid().equals(rs1));

		// The token signed by the now previous key still authenticates.
		Response listed = this.http.get("/api/admin/keys", "Authorization", bearer(adminBefore));
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain("\"d\"").doesNotContain("private");
		String adminAfter = adminToken();
		assertThat(JwtParts.header(adminAfter)).contains("\"kid\":\"" + es1 + "\"");

		Response second = this.http.post("/api/admin/keys/rotate", null, "", "Authorization", bearer(adminAfter));

		assertThat(second.status()).isEqualTo(200);
		String es2 = second.json().get("ES256").asString();
		String rs2 = second.json().get("RS256").asString();
		assertThat(kids(jwks(this.http.get("/oauth2/jwks")))).containsExactlyInAnyOrder(es2, es1, rs2, rs1);
		assertThat(this.http.get("/api/admin/keys", "Authorization", bearer(adminBefore)).status()).isEqualTo(401);
		assertThat(this.http.get("/api/admin/keys", "Authorization", bearer(adminAfter)).status()).isEqualTo(200);
		assertThat(states()).contains(es0 + "=RETIRED", rs0 + "=RETIRED", es1 + "=PREVIOUS", rs1 + "=PREVIOUS",
				es2 + "=ACTIVE", rs2 + "=ACTIVE");
	}

	@Test
	void listingShowsKidsAlgorithmsStatesAndTimesOnly() throws Exception {
		Response response = this.http.get("/api/admin/keys", "Authorization", bearer(adminToken()));

		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> keys = new ArrayList<>();
		response.json().forEach(keys::add);
		assertThat(keys).isNotEmpty();
		for (JsonNode key : keys) {
			assertThat(key.propertyNames()).isSubsetOf("kid", "algorithm", "state", "created_at", "activated_at",
					"retired_at");
		}
		String active = activeKid("ES256");
		assertThat(keys).anyMatch((key) -> key.get("kid").asString().equals(active)
				&& key.get("state").asString().equals("ACTIVE") && key.get("algorithm").asString().equals("ES256"));
	}

	@Test
	void rotatingOneAlgorithmLeavesTheOtherAlone() throws Exception {
		String rs = activeKid("RS256");
		String es = activeKid("ES256");

		Response response = this.http.post("/api/admin/keys/rotate?alg=es256", null, "", "Authorization",
				bearer(adminToken()));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().propertyNames()).containsExactly("ES256");
		assertThat(response.json().get("ES256").asString()).isNotEqualTo(es).isEqualTo(activeKid("ES256"));
		assertThat(activeKid("RS256")).isEqualTo(rs);
	}

	@Test
	void unknownAlgorithmIsAProblem() {
		String token = adminToken();
		for (String alg : List.of("HS256", "none", "", "ES256,RS256", "%00")) {
			Response response = this.http.post("/api/admin/keys/rotate?alg=" + alg, null, "", "Authorization",
					bearer(token));

			assertThat(response.status()).as(alg).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString())
				.isEqualTo("https://latchkey.io/problems/invalid-request");
			assertThat(response.json().get("status").asInt()).isEqualTo(400);
		}
	}

	@Test
	void rotationNeedsAnAdmin() throws Exception {
		String active = activeKid("ES256");
		if (this.clients.find("keys-reader").isEmpty()) {
			this.clients.register(ClientRegistration.confidential("keys-reader", "Not an admin",
					List.of("client_credentials"), Set.of("reports")), "keys-reader-secret-0123456789-0123456789");
		}
		String notAdmin = this.http.clientCredentialsToken("keys-reader", "keys-reader-secret-0123456789-0123456789",
				"reports");

		assertThat(this.http.post("/api/admin/keys/rotate", null, "").status()).isEqualTo(401);
		assertThat(this.http.post("/api/admin/keys/rotate", null, "", "Authorization", bearer("not.a.jwt")).status())
			.isEqualTo(401);
		assertThat(this.http.post("/api/admin/keys/rotate", null, "", "Authorization", bearer(notAdmin)).status())
			.isEqualTo(403);
		assertThat(this.http.get("/api/admin/keys", "Authorization", bearer(notAdmin)).status()).isEqualTo(403);
		assertThat(this.http.get("/api/admin/keys").status()).isEqualTo(401);
		assertThat(activeKid("ES256")).isEqualTo(active);
	}

	@Test
	void scheduledRotationReplacesOnlyKeysOlderThanTheRotationPeriod() throws Exception {
		String es = activeKid("ES256");
		String rs = activeKid("RS256");
		try (Connection connection = TestDatabase.connect();
				PreparedStatement statement = connection.prepareStatement(
						"UPDATE signing_key SET activated_at = activated_at - INTERVAL '91' DAY WHERE kid = ?")) {
			statement.setString(1, es);
			assertThat(statement.executeUpdate()).isEqualTo(1);
		}

		this.maintenance.refresh();

		assertThat(activeKid("ES256")).isNotEqualTo(es);
		assertThat(activeKid("RS256")).isEqualTo(rs);
		assertThat(states()).contains(es + "=PREVIOUS");
		assertThat(JwtParts.header(adminToken())).contains("\"kid\":\"" + activeKid("ES256") + "\"");
	}

	@Test
	void concurrentRotationsOfTheSameKeyHaveOneWinner() throws Exception {
		String es = activeKid("ES256");
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			JWK next = SigningAlgorithm.ES256.generate();
			var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
			var key = new StoredSigningKey(next.getKeyID(), SigningAlgorithm.ES256, SigningKeyState.ACTIVE,
					next.toPublicJWK(), this.masterKey.encrypt(next.toJSONString().getBytes(StandardCharsets.UTF_8)),
					now, now, null);
			attempts.add(() -> this.store.rotate(es, key));
		}
		List<Boolean> results = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
			for (Future<Boolean> result : executor.invokeAll(attempts)) {
				results.add(result.get());
			}
		}

		assertThat(results).containsOnlyOnce(true);
		assertThat(states().stream().filter((state) -> state.endsWith("=ACTIVE"))).hasSize(2);
		assertThat(states()).contains(es + "=PREVIOUS");
		// The winner signs once this node has reloaded.
		this.keys.reload();
		assertThat(JwtParts.header(adminToken())).doesNotContain(es);
	}

	private static List<JsonNode> jwks(Response response) {
		List<JsonNode> keys = new ArrayList<>();
		response.json().get("keys").forEach(keys::add);
		return keys;
	}

	private static List<String> kids(List<JsonNode> keys) {
		return keys.stream().map((key) -> key.get("kid").asString()).toList();
	}

	static String activeKid(String algorithm) throws SQLException {
		try (Connection connection = TestDatabase.connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT kid FROM signing_key WHERE algorithm = ? AND state = 'ACTIVE'");) {
			statement.setString(1, algorithm);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).isTrue();
				String kid = rs.getString(1);
				assertThat(rs.next()).isFalse();
				return kid;
			}
		}
	}

	private static List<String> states() throws SQLException {
		List<String> states = new ArrayList<>();
		try (Connection connection = TestDatabase.connect();
				PreparedStatement statement = connection.prepareStatement("SELECT kid, state FROM signing_key");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				states.add(rs.getString(1) + "=" + rs.getString(2));
			}
		}
		return states;
	}

}
