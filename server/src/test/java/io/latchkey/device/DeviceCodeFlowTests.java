package io.latchkey.device;

import java.util.concurrent.atomic.AtomicInteger;

import io.latchkey.authorization.JwtParts;
import io.latchkey.test.PersonAtBrowser;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestDatabase;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Device Authorization Grant (RFC 8628) over real HTTP: a device asks, a person
 * approves or denies in a browser, the device polls.
 */
@Import(DeviceFlowEvents.class)
class DeviceCodeFlowTests extends ServerTestSupport {

	static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

	private static final AtomicInteger IDS = new AtomicInteger();

	@Autowired
	DeviceFlowEvents events;

	@Test
	void publicClientGetsTokensAfterThePersonConfirms() throws Exception {
		String clientId = publicClient();
		PersonAtBrowser person = person();

		Response started = authorize(clientId, "patient/*.rs offline_access");

		assertThat(started.status()).isEqualTo(200);
		assertThat(started.header("Cache-Control")).contains("no-store");
		JsonNode device = started.json();
		String userCode = device.get("user_code").asString();
		assertThat(userCode).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
		assertThat(device.get("device_code").asString()).hasSizeGreaterThanOrEqualTo(43);
		assertThat(device.get("verification_uri").asString())
			.isEqualTo(this.http.base() + "/oauth2/device_verification");
		assertThat(device.get("verification_uri_complete").asString())
			.isEqualTo(this.http.base() + "/oauth2/device_verification?user_code=" + userCode);
		assertThat(device.get("expires_in").asLong()).isBetween(595L, 600L);
		assertThat(device.get("interval").asLong()).isEqualTo(1);
		assertThat(error(poll(clientId, device))).isEqualTo("authorization_pending");

		// Typed in lower case with a space: entry tolerates both (RFC 8628 §6.1).
		Response confirmation = person.enter(userCode.toLowerCase().replace('-', ' '));
		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.body()).contains("Ward Desktop " + clientId)
			.contains(userCode)
			.contains("patient/*.rs")
			.contains("the network you are on now");
		Thread.sleep(1100);
		assertThat(error(poll(clientId, device))).isEqualTo("authorization_pending");

		Response done = person.approve(confirmation);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.body()).contains("Device connected");

		Thread.sleep(1100);
		Response tokens = poll(clientId, device);
		assertThat(tokens.status()).isEqualTo(200);
		assertThat(tokens.json().get("access_token").asString()).isNotBlank();
		assertThat(tokens.json().get("scope").asString()).contains("patient/*.rs");
		String refreshToken = tokens.json().get("refresh_token").asString();
		JsonNode claims = JwtParts.claims(tokens.json().get("access_token").asString());
		assertThat(claims.get("preferred_username").asString()).isEqualTo(person.username());

		Thread.sleep(1100);
		Response again = poll(clientId, device);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("access_token")).isNull();
		Response refreshed = this.http.postForm("/oauth2/token",
				params("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(this.events.received)
			.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(DeviceCodeApproved.class, (approved) -> {
				assertThat(approved.clientId()).isEqualTo(clientId);
				assertThat(approved.principal()).isEqualTo(claims.get("sub").asString());
			}));
		assertThat(this.events.received.toString()).doesNotContain(userCode)
			.doesNotContain(userCode.replace("-", ""))
			.doesNotContain(device.get("device_code").asString());
	}

	@Test
	void aLinkWithTheCodeStillAsksForConfirmationEvenAfterEarlierConsent() throws Exception {
		String clientId = publicClient();
		PersonAtBrowser person = person();
		JsonNode first = authorize(clientId, "patient/*.rs").json();
		person.approve(person.open(first.get("verification_uri_complete").asString()));

		JsonNode second = authorize(clientId, "patient/*.rs").json();
		Response page = person.open(second.get("verification_uri_complete").asString());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"approve\"").contains(second.get("user_code").asString());
		assertThat(error(poll(clientId, second))).isEqualTo("authorization_pending");
		person.approve(page);
		Thread.sleep(1100);
		assertThat(poll(clientId, second).status()).isEqualTo(200);
	}

	@Test
	void denyingGivesTheDeviceAccessDeniedEvenAfterEarlierConsent() {
		String clientId = publicClient();
		PersonAtBrowser person = person();
		JsonNode first = authorize(clientId, "patient/*.rs").json();
		person.approve(person.open(first.get("verification_uri_complete").asString()));

		JsonNode device = authorize(clientId, "patient/*.rs").json();
		Response done = person.deny(person.open(device.get("verification_uri_complete").asString()));

		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("Request denied");
		assertThat(error(poll(clientId, device))).isEqualTo("access_denied");
		assertThat(this.events.received)
			.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(DeviceCodeDenied.class,
					(denied) -> assertThat(denied.clientId()).isEqualTo(clientId)));
	}

	@Test
	void anExpiredCodeGivesExpiredTokenAndCannotBeEntered() throws Exception {
		String clientId = "device-" + IDS.incrementAndGet();
		DeviceClients.publicClient(clientId).deviceCodeTtl(1).register(this.http, adminToken());
		JsonNode device = authorize(clientId, "patient/*.rs").json();
		Thread.sleep(1500);

		assertThat(error(poll(clientId, device))).isEqualTo("expired_token");
		Response entered = person().enter(device.get("user_code").asString());
		assertThat(entered.status()).isEqualTo(400);
		assertThat(entered.body()).contains("not valid or has expired");
	}

	@Test
	void aPatientApprovingADeviceClientRegisteredForTheAdminScopeGrantsNoAdminScope() throws Exception {
		String clientId = "device-" + IDS.incrementAndGet();
		DeviceClients.publicClient(clientId).scopes("patient/*.rs", "latchkey:admin").register(this.http, adminToken());
		PersonAtBrowser person = person();
		JsonNode device = authorize(clientId, "patient/*.rs latchkey:admin").json();
		Response confirmation = person.open(device.get("verification_uri_complete").asString());
		assertThat(confirmation.body()).contains("patient/*.rs").doesNotContain("latchkey:admin");
		person.approve(confirmation);

		Thread.sleep(1100);
		Response tokens = poll(clientId, device);

		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		assertThat(tokens.json().get("scope").asString()).isEqualTo("patient/*.rs");
		assertThat(this.http
			.get("/api/admin/clients/latchkey-admin", "Authorization",
					"Bearer " + tokens.json().get("access_token").asString())
			.status()).isEqualTo(403);
	}

	@Test
	void aDeviceMayAskForASmartScopeThatNarrowsARegisteredOne() throws Exception {
		String clientId = publicClient();
		PersonAtBrowser person = person();
		String vitalSigns = "patient/Observation.rs?category=vital-signs";
		assertThat(error(authorize(clientId, "patient/Observation.cruds"))).isEqualTo("invalid_scope");
		assertThat(error(authorize(clientId, "patient/*.sr"))).isEqualTo("invalid_scope");
		JsonNode device = authorize(clientId, vitalSigns + " offline_access").json();
		person.approve(person.open(device.get("verification_uri_complete").asString()));

		Thread.sleep(1100);
		Response tokens = poll(clientId, device);

		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		assertThat(tokens.json().get("scope").asString().split(" ")).containsExactlyInAnyOrder(vitalSigns,
				"offline_access");
	}

	@Test
	void pollingFasterThanTheIntervalGetsSlowDown() {
		String clientId = publicClient();
		JsonNode device = authorize(clientId, "patient/*.rs").json();

		assertThat(error(poll(clientId, device))).isEqualTo("authorization_pending");
		Response tooSoon = poll(clientId, device);

		assertThat(tooSoon.status()).isEqualTo(400);
		assertThat(error(tooSoon)).isEqualTo("slow_down");
	}

	@Test
	void confidentialClientAuthenticatesAtBothEndpoints() throws Exception {
		String clientId = "device-" + IDS.incrementAndGet();
		String secret = DeviceClients.confidentialClient(clientId).register(this.http, adminToken());
		Response started = this.http.postForm("/oauth2/device_authorization", params("scope", "patient/*.rs"),
				"Authorization", basic(clientId, secret));
		assertThat(started.status()).isEqualTo(200);
		JsonNode device = started.json();
		PersonAtBrowser person = person();
		person.approve(person.open(device.get("verification_uri_complete").asString()));

		Response withoutSecret = poll(clientId, device);
		Thread.sleep(1100);
		Response tokens = this.http.postForm("/oauth2/token",
				params("grant_type", DEVICE_GRANT, "device_code", device.get("device_code").asString()),
				"Authorization", basic(clientId, secret));

		assertThat(withoutSecret.status()).isEqualTo(401);
		assertThat(error(withoutSecret)).isEqualTo("invalid_client");
		assertThat(tokens.status()).isEqualTo(200);
		assertThat(tokens.json().get("refresh_token")).isNotNull();
	}

	@Test
	void publicClientWithoutTheDeviceGrantIsRefused() {
		String clientId = "device-" + IDS.incrementAndGet();
		DeviceClients.publicClient(clientId).grantTypes("refresh_token").register(this.http, adminToken());

		Response started = authorize(clientId, "patient/*.rs");
		Response unknown = authorize("no-such-client", "patient/*.rs");

		assertThat(started.status()).isEqualTo(401);
		assertThat(error(started)).isEqualTo("invalid_client");
		assertThat(unknown.status()).isEqualTo(401);
	}

	@Test
	void theQrCodeEncodesTheCompleteVerificationUri() {
		Response qr = this.http.get("/device/qr?user_code=bcdf-ghjk");
		Response bad = this.http.get("/device/qr?user_code=AAAA-AAAA");

		assertThat(qr.status()).isEqualTo(200);
		assertThat(qr.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(qr.body()).startsWith("<svg").contains("<path").doesNotContain("<script");
		assertThat(bad.status()).isEqualTo(400);
	}

	@Test
	void madeUpDeviceCodesGetNoRateLimitBucket() throws Exception {
		String clientId = publicClient();
		long before = bucketRows();
		for (int i = 0; i < 5; i++) {
			Response guess = this.http.postForm("/oauth2/token", params("grant_type", DEVICE_GRANT, "device_code",
					"made-up-device-code-" + IDS.incrementAndGet(), "client_id", clientId));
			assertThat(error(guess)).isEqualTo("invalid_grant");
		}
		String repeated = "made-up-device-code-" + IDS.incrementAndGet();
		for (int i = 0; i < 2; i++) {
			assertThat(error(this.http.postForm("/oauth2/token",
					params("grant_type", DEVICE_GRANT, "device_code", repeated, "client_id", clientId))))
				.isEqualTo("invalid_grant");
		}
		assertThat(bucketRows()).isLessThanOrEqualTo(before);
	}

	/** Rows of the shared bucket table; on H2 buckets live in memory and this stays 0. */
	private static long bucketRows() throws Exception {
		if (!TestDatabase.isPostgres()) {
			return 0;
		}
		try (var connection = TestDatabase.connect();
				var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM abuse_bucket")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private String publicClient() {
		String clientId = "device-" + IDS.incrementAndGet();
		DeviceClients.publicClient(clientId).register(this.http, adminToken());
		return clientId;
	}

	private PersonAtBrowser person() {
		String username = "device-person-" + IDS.incrementAndGet();
		DeviceClients.person(this.http, adminToken(), username, "a long password for devices");
		return new PersonAtBrowser(this.http, username, "a long password for devices");
	}

	private Response authorize(String clientId, String scope) {
		return this.http.postForm("/oauth2/device_authorization", params("client_id", clientId, "scope", scope));
	}

	private Response poll(String clientId, JsonNode device) {
		return this.http.postForm("/oauth2/token", params("grant_type", DEVICE_GRANT, "device_code",
				device.get("device_code").asString(), "client_id", clientId));
	}

	private static String error(Response response) {
		return (response.json().get("error") != null) ? response.json().get("error").asString() : response.toString();
	}

}
