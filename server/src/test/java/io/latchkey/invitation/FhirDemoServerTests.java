package io.latchkey.invitation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import io.latchkey.client.AuthorizationError;
import io.latchkey.client.AuthorizedHttp;
import io.latchkey.client.HttpRequest;
import io.latchkey.client.HttpResponse;
import io.latchkey.client.InMemoryTokenStore;
import io.latchkey.client.InvitationLink;
import io.latchkey.client.OAuthClient;
import io.latchkey.client.ReauthenticationRequired;
import io.latchkey.client.TokenStore;
import io.latchkey.client.Tokens;
import io.latchkey.test.ClientLibrarySupport;
import io.latchkey.test.Concurrently;
import io.latchkey.test.FhirDemo;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A patient app on the client library against Latchkey and the demo FHIR server behind
 * the resource-server kit: it signs in through an invitation link naming the FHIR server,
 * reads its patient's data, keeps working when its access token expires at the FHIR
 * server, and gets nothing of another patient's. What {@link ClientLibraryTests} proves
 * against {@code /userinfo} is not repeated here.
 */
class FhirDemoServerTests extends ClientLibrarySupport {

	private static final List<String> SCOPES = List.of("openid", "offline_access", "launch/patient", "patient/*.rs");

	private static FhirDemo fhir;

	@BeforeAll
	static void startFhirServer() {
		fhir = FhirDemo.start(FHIR_BASE, ISSUER);
	}

	@AfterAll
	static void stopFhirServer() {
		fhir.close();
	}

	@Test
	void anInvitedPatientAppReadsItsPatientAndKeepsWorkingWhenTheTokenExpires() throws Exception {
		// The bearer app's clock stands still, so only the FHIR server's 401 tells it
		// the token expired; the DPoP app's clock runs and it refreshes beforehand.
		SignedInApp bearer = signedIn("pat-42", false, Clock.fixed(Instant.now(), ZoneOffset.UTC));
		SignedInApp dpop = signedIn("pat-42", true, Clock.systemUTC());
		assertThat(bearer.store().load().patient()).isEqualTo("pat-42");
		HttpResponse patient = bearer.http().send(get("Patient/pat-42"));
		assertThat(patient.status()).as(patient.bodyText()).isEqualTo(200);
		assertThat(patient.bodyText()).contains("\"family\":\"Smith\"");
		HttpResponse observations = bearer.http().send(get("Observation?patient=pat-42"));
		assertThat(observations.bodyText()).contains("obs-42-weight", "obs-42-hba1c").doesNotContain("obs-43");
		assertThat(dpop.http().send(get("Patient/pat-42")).status()).isEqualTo(200);

		// The shortest lifetime Latchkey issues is a minute; the FHIR server allows no
		// skew.
		Thread.sleep(Duration.ofSeconds(61));
		Response expired = fhir.http()
			.get("/fhir/Patient/pat-42", "Authorization", "Bearer " + bearer.store().load().accessToken());
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer ")
			.contains("error=\"invalid_token\"", "error_description=\"the access token expired\"");
		assertThat(expired.body()).contains("\"resourceType\":\"OperationOutcome\"");
		Response expiredDpop = fhir.http()
			.get("/fhir/Patient/pat-42", "Authorization", "DPoP " + dpop.store().load().accessToken());
		assertThat(expiredDpop.status()).isEqualTo(401);
		assertThat(expiredDpop.header("WWW-Authenticate")).startsWith("DPoP ").contains("error=\"invalid_token\"");
		this.sent.reset();

		HttpResponse afterExpiry = bearer.http().send(get("Observation?patient=pat-42"));
		HttpResponse dpopAfterExpiry = dpop.http().send(get("Patient/pat-42"));

		assertThat(afterExpiry.status()).isEqualTo(200);
		assertThat(dpopAfterExpiry.status()).isEqualTo(200);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(2);
		assertThat(this.sent.count("GET /fhir/Observation")).isEqualTo(2);
		assertThat(this.sent.count("GET /fhir/Patient/pat-42")).isEqualTo(1);
		assertThat(dpop.store().load().tokenType()).isEqualTo("DPoP");
	}

	@Test
	void twentyParallelCallsAfterRefusalRefreshOnceAndTheSignInSurvives() throws Exception {
		SignedInApp app = signedIn("pat-42", false);
		refuse(app.store());
		this.sent.reset();

		List<HttpResponse> responses = Concurrently.run(20,
				(call) -> sendUnchecked(app.http(), get("Observation?patient=pat-42")));

		assertThat(responses).extracting(HttpResponse::status).containsOnly(200);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(1);
		// Each call was sent once, or twice if it met the refused token.
		assertThat(this.sent.count("GET /fhir/Observation")).isBetween(21, 40);
		// No reuse was detected: the family lives, and its newest refresh token works.
		refuse(app.store());
		assertThat(app.http().send(get("Patient/pat-42")).status()).isEqualTo(200);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(2);
	}

	@Test
	void aRevokedSignInEndsInReauthenticationRequired() throws Exception {
		SignedInApp app = signedIn("pat-42", false);
		app.client().revoke(app.store().load());
		refuse(app.store());

		assertThatExceptionOfType(ReauthenticationRequired.class)
			.isThrownBy(() -> app.http().send(get("Patient/pat-42")));
		assertThat(app.store().load()).isNull();
	}

	@Test
	void aPostWithANonReplayableBodyIsNotSentTwice() throws Exception {
		SignedInApp app = signedIn("pat-42", false);
		refuse(app.store());
		this.sent.reset();
		HttpRequest post = HttpRequest
			.withBody("POST", FHIR_BASE.resolve("fhir/Observation"), "application/fhir+json",
					"{\"resourceType\":\"Observation\"}".getBytes(StandardCharsets.UTF_8))
			.notReplayable();

		HttpResponse response = app.http().send(post);

		assertThat(response.status()).isEqualTo(401);
		assertThat(this.sent.count("POST /fhir/Observation")).isEqualTo(1);
		assertThat(this.sent.count("POST /oauth2/token")).isEqualTo(1);
		assertThat(app.http().send(get("Patient/pat-42")).status()).isEqualTo(200);
	}

	@Test
	void aTokenForOnePatientReadsNothingOfAnother() throws Exception {
		SignedInApp app = signedIn("pat-42", false);
		this.sent.reset();

		for (String other : List.of("Patient/pat-43", "Observation/obs-43-weight", "Observation?patient=pat-43",
				"Observation?subject=Patient/pat-43", "Observation?patient=pat-42,pat-43",
				"Observation?patient=pat-42&subject=pat-43", "Observation?patient.name=Jones",
				"Observation?code=http://loinc.org%7C29463-7", "Patient", "Patient?_id=pat-43",
				"Patient/pat-43/Observation")) {
			HttpResponse response = app.http().send(get(other));
			assertThat(response.status()).as(other).isEqualTo(403);
			assertThat(response.headers("WWW-Authenticate")).as(other)
				.singleElement()
				.asString()
				.contains("error=\"insufficient_scope\"");
		}
		assertThat(this.sent.count("POST /oauth2/token")).isZero();
		assertThat(app.http().send(get("Observation/obs-42-weight")).status()).isEqualTo(200);
		assertThat(app.http().send(get("Patient/pat-42/Observation")).bodyText()).contains("obs-42-weight")
			.doesNotContain("obs-43");
		assertThat(app.http().send(get("Patient?_id=pat-42")).status()).isEqualTo(200);
	}

	@Test
	void aScopeNarrowedByCategoryReachesOnlyThatCategory() throws Exception {
		String clientId = "narrowed-app-" + UUID.randomUUID();
		String vitalSigns = "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs";
		registerApp(clientId, List.of("authorization_code", "refresh_token"),
				List.of("openid", "offline_access", vitalSigns));
		TokenStore store = signIn(clientId, "pat-42", "openid offline_access " + vitalSigns, false);
		AuthorizedHttp http = library(clientId).fhirServer(FHIR_BASE).build().authorizedHttp(store);

		HttpResponse vitals = http.send(get("Observation?patient=pat-42&category="
				+ "http://terminology.hl7.org/CodeSystem/observation-category%7Cvital-signs"));

		assertThat(vitals.status()).as(vitals.bodyText()).isEqualTo(200);
		assertThat(vitals.bodyText()).contains("obs-42-weight").doesNotContain("obs-42-hba1c");
		assertThat(http.send(get("Observation?patient=pat-42")).status()).isEqualTo(403);
		assertThat(http.send(get("Observation/obs-42-hba1c")).status()).isEqualTo(403);
		assertThat(http.send(get("Patient/pat-42")).status()).isEqualTo(403);
	}

	@Test
	void aDpopBoundTokenIsWorthlessWithoutItsKey() throws Exception {
		SignedInApp app = signedIn("pat-42", true);
		String token = app.store().load().accessToken();
		URI target = fhir.resolve("Patient/pat-42");

		Response asBearer = fhir.http().get("/fhir/Patient/pat-42", "Authorization", "Bearer " + token);
		Response withoutProof = fhir.http().get("/fhir/Patient/pat-42", "Authorization", "DPoP " + token);
		String otherKeysProof = new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(),
				com.nimbusds.jose.JWSAlgorithm.ES256)
			.createDPoPJWT("GET", target, new DPoPAccessToken(token))
			.serialize();
		Response withOtherKey = fhir.http()
			.get("/fhir/Patient/pat-42", "Authorization", "DPoP " + token, "DPoP", otherKeysProof);

		assertThat(asBearer.status()).isEqualTo(401);
		assertThat(asBearer.header("WWW-Authenticate")).startsWith("DPoP ").contains("error=\"invalid_token\"");
		assertThat(withoutProof.status()).isEqualTo(401);
		assertThat(withoutProof.header("WWW-Authenticate")).contains("error=\"invalid_dpop_proof\"");
		assertThat(withOtherKey.status()).isEqualTo(401);
		assertThat(withOtherKey.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
		assertThat(app.http().send(get("Patient/pat-42")).status()).isEqualTo(200);
	}

	@Test
	void aTokenNotNamingTheFhirServerIsRefusedThere() throws Exception {
		String clientId = "no-audience-app-" + UUID.randomUUID();
		registerApp(clientId, List.of("authorization_code", "refresh_token"), SCOPES);
		OAuthClient withoutAudience = library(clientId).build();
		TokenStore store = new InMemoryTokenStore(
				withoutAudience.redeemInvitation(InvitationLink.parse(invite(clientId, "pat-42", null))));

		Response refused = fhir.http()
			.get("/fhir/Patient/pat-42", "Authorization", "Bearer " + store.load().accessToken());

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("WWW-Authenticate")).contains("error=\"invalid_token\"", "not for this FHIR server");
	}

	@Test
	void aRedemptionNamingAnUnknownFhirServerIsRefusedAndLeavesTheLinkUsable() throws Exception {
		String clientId = "unknown-audience-app-" + UUID.randomUUID();
		registerApp(clientId, List.of("authorization_code", "refresh_token"), SCOPES);
		InvitationLink link = InvitationLink.parse(invite(clientId, "pat-42", String.join(" ", SCOPES)));
		OAuthClient elsewhere = library(clientId).fhirServer(URI.create("https://fhir.attacker.example/r4")).build();

		assertThatExceptionOfType(AuthorizationError.class).isThrownBy(() -> elsewhere.redeemInvitation(link))
			.satisfies((error) -> assertThat(error.error()).isEqualTo("invalid_invitation"));

		Tokens tokens = library(clientId).fhirServer(FHIR_BASE).build().redeemInvitation(link);
		assertThat(fhir.http().get("/fhir/Patient/pat-42", "Authorization", "Bearer " + tokens.accessToken()).status())
			.isEqualTo(200);
	}

	@Test
	void tokensSignedWithARotatedKeyAreAccepted() throws Exception {
		SignedInApp before = signedIn("pat-42", false);
		assertThat(before.http().send(get("Patient/pat-42")).status()).isEqualTo(200);

		Response rotated = this.http.post("/api/admin/keys/rotate?alg=ES256", "application/json", "", "Authorization",
				TestHttp.bearer(adminToken()));
		assertThat(rotated.status()).as(rotated.body()).isBetween(200, 204);
		SignedInApp after = signedIn("pat-42", false);

		assertThat(after.http().send(get("Patient/pat-42")).status()).isEqualTo(200);
		assertThat(before.http().send(get("Patient/pat-42")).status()).isEqualTo(200);
	}

	@Test
	void theSmartConfigurationIsServedUnderTheFhirBase() {
		Response underBase = fhir.http().get("/fhir/.well-known/smart-configuration");
		Response atIssuer = this.http.get("/.well-known/smart-configuration");

		assertThat(underBase.status()).isEqualTo(200);
		assertThat(underBase.json()).isEqualTo(atIssuer.json());
		assertThat(fhir.http().get("/fhir/metadata").body()).contains("\"resourceType\":\"CapabilityStatement\"");
	}

	private SignedInApp signedIn(String patient, boolean dpop) throws IOException {
		return signedIn(patient, dpop, this.libraryClock);
	}

	private SignedInApp signedIn(String patient, boolean dpop, Clock clock) throws IOException {
		String clientId = "fhir-app-" + UUID.randomUUID();
		registerApp(clientId, List.of("authorization_code", "refresh_token"), SCOPES);
		OAuthClient.Builder builder = library(clientId).fhirServer(FHIR_BASE).clock(clock);
		OAuthClient client = (dpop ? builder.dpop() : builder).build();
		TokenStore store = new InMemoryTokenStore(
				client.redeemInvitation(InvitationLink.parse(invite(clientId, patient, String.join(" ", SCOPES)))));
		return new SignedInApp(client, store, client.authorizedHttp(store));
	}

	private TokenStore signIn(String clientId, String patient, String scope, boolean dpop) throws IOException {
		OAuthClient.Builder builder = library(clientId).fhirServer(FHIR_BASE);
		OAuthClient client = (dpop ? builder.dpop() : builder).build();
		return new InMemoryTokenStore(client.redeemInvitation(InvitationLink.parse(invite(clientId, patient, scope))));
	}

	/** Invites a new person with a FHIR patient id to the app, and answers the link. */
	private String invite(String clientId, String patient, String scope) {
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("client_id", clientId, "subject", "patient-" + UUID.randomUUID(), "patient", patient));
		if (scope != null) {
			body.put("scope", scope);
		}
		Response created = this.http.postJson("/api/admin/invitations", body, "Authorization",
				TestHttp.bearer(adminToken()));
		if (created.status() != 201) {
			throw new IllegalStateException("invitation not created: " + created);
		}
		return created.json().get("link").asString();
	}

	/**
	 * Leaves the app holding an access token the FHIR server refuses with
	 * {@code invalid_token}: the stored one with its signature altered.
	 */
	private static void refuse(TokenStore store) throws IOException {
		Tokens tokens = store.load();
		String token = tokens.accessToken();
		int inSignature = token.lastIndexOf('.') + 5;
		char altered = (token.charAt(inSignature) == 'A') ? 'B' : 'A';
		store.save(new Tokens(token.substring(0, inSignature) + altered + token.substring(inSignature + 1),
				tokens.tokenType(), tokens.refreshToken(), tokens.expiresAt(), tokens.scope(), tokens.idToken(),
				tokens.patient()));
	}

	private static HttpRequest get(String path) {
		return HttpRequest.get(fhir.resolve(path)).withHeader("Accept", "application/fhir+json");
	}

	private static HttpResponse sendUnchecked(AuthorizedHttp http, HttpRequest request) {
		try {
			return http.send(request);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An app signed in through an invitation, its tokens in memory. */
	private record SignedInApp(OAuthClient client, TokenStore store, AuthorizedHttp http) {

	}

}
