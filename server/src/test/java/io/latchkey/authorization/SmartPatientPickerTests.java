package io.latchkey.authorization;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.Pkce;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMART {@code launch/patient} for a person who may act for several patients (a parent):
 * the patient picker comes between sign-in and the code, the picked patient is the token
 * response's and the access token's {@code patient}, and neither the client nor the
 * person can name a patient the person may not act for.
 */
class SmartPatientPickerTests extends ServerTestSupport {

	private static final String REDIRECT_URI = "http://127.0.0.1:53690/callback";

	private static final String SCOPE = "openid fhirUser launch/patient patient/*.rs offline_access";

	private static final String PASSWORD = "parent-password-123";

	@Autowired
	UserAccounts users;

	private String clientId;

	@BeforeEach
	void registerApp() {
		this.clientId = "picker-app-" + UUID.randomUUID();
		Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_id", this.clientId, "client_name", "Family health app", "type", "public",
						"redirect_uris", List.of(REDIRECT_URI), "grant_types",
						List.of("authorization_code", "refresh_token"), "scopes",
						List.of("openid", "fhirUser", "launch/patient", "patient/*.rs", "offline_access"),
						"require_consent", false),
				"Authorization", TestHttp.bearer(adminToken()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	@Test
	void parentPicksAChildAndTheTokensAreForThatChildAlsoAfterRefresh() {
		String parent = parent("pat-parent-1", Map.of("child-a1", "Emma", "child-b1", "Liam"));
		TestHttp browser = this.http.withCookies();
		Pkce pkce = Pkce.create();

		Response picker = signInToPicker(browser, parent, pkce, Map.of());
		assertThat(picker.body()).contains("Family health app", "Yourself", "Emma", "Liam", "Patient/child-b1");
		Response resumed = pick(browser, picker, "child-b1");
		URI callback = URI.create(followToCallback(browser, resumed));

		JsonNode tokens = exchange(callback, pkce).json();
		assertThat(tokens.get("patient").asString()).isEqualTo("child-b1");
		assertThat(JwtParts.claims(tokens.get("access_token").asString()).get("patient").asString())
			.isEqualTo("child-b1");
		assertThat(JwtParts.claims(tokens.get("id_token").asString()).get("fhirUser").asString())
			.isEqualTo("Patient/pat-parent-1");

		Response refreshed = new AuthorizationCodeFlow(this.http).refresh(this.clientId,
				tokens.get("refresh_token").asString());
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(refreshed.json().get("patient").asString()).isEqualTo("child-b1");
	}

	@Test
	void clientNamingAPatientItselfStillSendsThePersonToThePicker() {
		String parent = parent(null, Map.of("child-a2", "Emma", "child-b2", "Liam"));
		TestHttp browser = this.http.withCookies();

		Response picker = signInToPicker(browser, parent, Pkce.create(),
				Map.of(SmartPatientChoices.PARAMETER, "child-a2"));

		assertThat(picker.status()).isEqualTo(200);
		assertThat(picker.body()).contains("Emma", "Liam");
	}

	@Test
	void pickingAPatientThePersonMayNotActForIsRefused() {
		String parent = parent(null, Map.of("child-a3", "Emma", "child-b3", "Liam"));
		TestHttp browser = this.http.withCookies();
		Response picker = signInToPicker(browser, parent, Pkce.create(), Map.of());

		Response refused = pick(browser, picker, "someone-elses-child");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Location")).isNull();
	}

	@Test
	void pickWithoutTheFormsCsrfTokenIsRefused() {
		String parent = parent(null, Map.of("child-a7", "Emma", "child-b7", "Liam"));
		TestHttp browser = this.http.withCookies();
		Response picker = signInToPicker(browser, parent, Pkce.create(), Map.of());
		Map<String, String> form = new LinkedHashMap<>();
		AuthorizationCodeFlow.inputs(picker.body()).forEach((name, values) -> form.put(name, values.get(0)));
		form.remove("_csrf");
		form.put(SmartPatientChoices.PARAMETER, "child-b7");

		Response forged = browser.postForm(SmartPatientPickerFilter.PICKER_PAGE, form, "Accept", "text/html");

		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.header("Location")).isNull();
	}

	@Test
	void clientNamingAPatientThePersonMayNotActForGetsInvalidRequest() {
		String person = "own.only." + UUID.randomUUID();
		this.users.create(new NewUserAccount(person, PASSWORD, null, null, Set.of("patient"), "pat-own-4"));
		TestHttp browser = this.http.withCookies();

		Response response = signIn(browser, person, Pkce.create(),
				Map.of(SmartPatientChoices.PARAMETER, "someone-else"));

		assertThat(response.header("Location")).startsWith(REDIRECT_URI + "?")
			.contains("error=invalid_request")
			.doesNotContain("code=");
	}

	@Test
	void onePatientInCareNeedsNoPickerAndIsThePatient() {
		String parent = parent(null, Map.of("child-only-5", "Emma"));
		TestHttp browser = this.http.withCookies();
		Pkce pkce = Pkce.create();

		Response response = signIn(browser, parent, pkce, Map.of());
		URI callback = URI.create(followToCallback(browser, response));

		assertThat(exchange(callback, pkce).json().get("patient").asString()).isEqualTo("child-only-5");
	}

	@Test
	void oncePatientsInCareAreTakenAwayTheGrantGetsNoMoreTokens() {
		String parent = parent(null, Map.of("child-a6", "Emma", "child-b6", "Liam"));
		TestHttp browser = this.http.withCookies();
		Pkce pkce = Pkce.create();
		URI callback = URI.create(
				followToCallback(browser, pick(browser, signInToPicker(browser, parent, pkce, Map.of()), "child-a6")));
		JsonNode tokens = exchange(callback, pkce).json();

		Response emptied = this.http.send(this.http
			.request("/api/admin/users/" + this.users.findByUsername(parent).orElseThrow().id() + "/patients",
					"Authorization", TestHttp.bearer(adminToken()), "Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"patients\":[]}"))
			.build());
		assertThat(emptied.status()).as(emptied.body()).isEqualTo(200);

		Response refreshed = new AuthorizationCodeFlow(this.http).refresh(this.clientId,
				tokens.get("refresh_token").asString());
		assertThat(refreshed.status()).isEqualTo(400);
		assertThat(refreshed.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void adminApiRefusesBadPatientListsAndUnknownUsers() {
		String admin = TestHttp.bearer(adminToken());
		UUID id = this.users.findByUsername(parent(null, Map.of())).orElseThrow().id();

		Response badId = put("/api/admin/users/" + id + "/patients", "{\"patients\":[{\"patient\":\"not a fhir id\"}]}",
				admin);
		Response repeated = put("/api/admin/users/" + id + "/patients",
				"{\"patients\":[{\"patient\":\"x1\"},{\"patient\":\"x1\"}]}", admin);
		Response unknown = put("/api/admin/users/" + UUID.randomUUID() + "/patients", "{\"patients\":[]}", admin);
		Response withoutToken = put("/api/admin/users/" + id + "/patients", "{\"patients\":[]}", "x");
		Response listed = this.http.get("/api/admin/users/" + id + "/patients", "Authorization", admin);

		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.header("Content-Type")).startsWith("application/problem+json");
		assertThat(repeated.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(withoutToken.status()).isEqualTo(401);
		assertThat(listed.json().get("patients").isArray()).isTrue();
	}

	/** A new local account with these patients in care; returns its username. */
	private String parent(String ownPatient, Map<String, String> children) {
		String username = "parent." + UUID.randomUUID();
		UUID id = this.users.create(new NewUserAccount(username, PASSWORD, null, null, Set.of("patient"), ownPatient))
			.id();
		StringBuilder body = new StringBuilder("{\"patients\":[");
		children.forEach((patient, label) -> body.append(body.length() > 14 ? "," : "")
			.append("{\"patient\":\"" + patient + "\",\"label\":\"" + label + "\"}"));
		Response set = put("/api/admin/users/" + id + "/patients", body.append("]}").toString(),
				TestHttp.bearer(adminToken()));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		return username;
	}

	private Response put(String path, String json, String authorization) {
		return this.http
			.send(this.http.request(path, "Authorization", authorization, "Content-Type", "application/json")
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
				.build());
	}

	/** Authorization request, login page, sign-in; returns the answer after sign-in. */
	private Response signIn(TestHttp browser, String username, Pkce pkce, Map<String, String> more) {
		Map<String, String> parameters = TestHttp.params("response_type", "code", "client_id", this.clientId,
				"redirect_uri", REDIRECT_URI, "scope", SCOPE, "state", "st-" + UUID.randomUUID(), "code_challenge",
				pkce.challenge(), "code_challenge_method", "S256", "aud", "ignored-without-fhir-servers");
		parameters.putAll(more);
		Response login = browser.get("/oauth2/authorize?" + TestHttp.form(parameters), "Accept", "text/html");
		assertThat(login.header("Location")).endsWith("/login");
		Response loginPage = browser.get("/login", "Accept", "text/html");
		Response signedIn = browser.postForm("/login", TestHttp.params("username", username, "password", PASSWORD,
				"_csrf", AuthorizationCodeFlow.inputs(loginPage.body()).get("_csrf").get(0)));
		assertThat(signedIn.status()).isEqualTo(302);
		return browser.get(signedIn.header("Location"), "Accept", "text/html");
	}

	private Response signInToPicker(TestHttp browser, String username, Pkce pkce, Map<String, String> more) {
		Response response = signIn(browser, username, pkce, more);
		assertThat(response.status()).as(response.toString()).isEqualTo(302);
		assertThat(response.header("Location")).contains(SmartPatientPickerFilter.PICKER_PAGE + "?")
			.doesNotContain(SmartPatientChoices.PARAMETER);
		return browser.get(response.header("Location"), "Accept", "text/html");
	}

	private Response pick(TestHttp browser, Response picker, String patient) {
		assertThat(picker.status()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		AuthorizationCodeFlow.inputs(picker.body()).forEach((name, values) -> form.put(name, values.get(0)));
		form.put(SmartPatientChoices.PARAMETER, patient);
		return browser.postForm(SmartPatientPickerFilter.PICKER_PAGE, form, "Accept", "text/html");
	}

	private String followToCallback(TestHttp browser, Response response) {
		for (int hops = 0; hops < 5; hops++) {
			assertThat(response.status()).as(response.toString()).isEqualTo(302);
			String location = response.header("Location");
			if (location.startsWith(REDIRECT_URI + "?")) {
				return location;
			}
			response = browser.get(location, "Accept", "text/html");
		}
		throw new AssertionError("no redirect to the app");
	}

	private Response exchange(URI callback, Pkce pkce) {
		String code = UriComponentsBuilder.fromUri(callback).build().getQueryParams().getFirst("code");
		Response response = this.http.postForm("/oauth2/token",
				TestHttp.params("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
						"client_id", this.clientId, "code_verifier", pkce.verifier()));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

}
