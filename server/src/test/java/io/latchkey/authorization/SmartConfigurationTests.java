package io.latchkey.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMART App Launch 2 discovery and token responses through the running server, with the
 * optional launch context parameters configured.
 */
@TestPropertySource(properties = { "latchkey.smart.need-patient-banner=true",
		"latchkey.smart.smart-style-url=https://style.example.org/smart-v1.json" })
class SmartConfigurationTests extends ServerTestSupport {

	/**
	 * SMART App Launch 2.2, "Metadata": REQUIRED, and CONDITIONAL required for what this
	 * server offers (authorization_endpoint for launch-standalone, issuer and jwks_uri
	 * for sso-openid-connect).
	 */
	private static final List<String> REQUIRED = List.of("issuer", "jwks_uri", "authorization_endpoint",
			"grant_types_supported", "token_endpoint", "capabilities", "code_challenge_methods_supported");

	/** RECOMMENDED and OPTIONAL fields the server has something for. */
	private static final List<String> RECOMMENDED = List.of("token_endpoint_auth_methods_supported", "scopes_supported",
			"response_types_supported", "management_endpoint", "introspection_endpoint", "revocation_endpoint");

	@Autowired
	UserAccounts users;

	@Test
	void everyRequiredAndRecommendedFieldIsPresentAndWellFormed() {
		Response response = this.http.get("/.well-known/smart-configuration");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode smart = response.json();
		for (String field : concat(REQUIRED, RECOMMENDED)) {
			assertThat(smart.has(field)).as(field).isTrue();
			JsonNode value = smart.get(field);
			if (field.endsWith("_supported") || field.equals("capabilities")) {
				assertThat(value.isArray() && !value.isEmpty()).as(field + " is a non-empty array").isTrue();
			}
			else {
				assertThat(value.asString()).as(field + " is an absolute URL").startsWith("http");
			}
		}
		assertThat(values(smart, "grant_types_supported")).contains("authorization_code");
		assertThat(values(smart, "code_challenge_methods_supported")).contains("S256").doesNotContain("plain");
		assertThat(values(smart, "response_types_supported")).contains("code");
		assertThat(smart.get("management_endpoint").asString()).isEqualTo("http://localhost:9000/account");
		assertThat(values(smart, "scopes_supported")).contains("openid", "fhirUser", "launch/patient",
				"offline_access");
		assertThat(values(smart, "capabilities")).contains("sso-openid-connect", "launch-standalone", "context-banner",
				"context-style", "permission-user");
	}

	@Test
	void tokenResponseCarriesTheConfiguredLaunchContext() {
		this.users
			.create(new NewUserAccount("banner.pat", "patient-password-1", null, null, Set.of("patient"), "pat-7"));
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization authorization = flow.authorize(AuthorizationCodeFlow.DEMO_CLIENT,
				AuthorizationCodeFlow.DEMO_REDIRECT_URI, "openid launch/patient patient/*.rs offline_access",
				"banner.pat", "patient-password-1");

		JsonNode body = flow.exchange(authorization).json();

		assertThat(body.get("patient").asString()).isEqualTo("pat-7");
		assertThat(body.get("need_patient_banner").isBoolean()).isTrue();
		assertThat(body.get("need_patient_banner").asBoolean()).isTrue();
		assertThat(body.get("smart_style_url").asString()).isEqualTo("https://style.example.org/smart-v1.json");
		assertThat(body.get("scope").asString().split(" ")).containsExactlyInAnyOrder("openid", "launch/patient",
				"patient/*.rs", "offline_access");
	}

	@Test
	void scopeIsEchoedEvenWhenNothingWasGrantedAndAClientGetsNoPersonsContext() {
		Response response = this.http.postForm("/oauth2/token", TestHttp.params("grant_type", "client_credentials"),
				"Authorization", TestHttp.basic("latchkey-admin", ADMIN_CLIENT_SECRET));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().has("scope")).isTrue();
		assertThat(response.json().get("scope").asString()).isEmpty();
		assertThat(response.json().has("need_patient_banner")).isFalse();
		assertThat(response.json().has("smart_style_url")).isFalse();
	}

	@Test
	void withoutOfflineAccessThereIsNoRefreshToken() {
		this.users
			.create(new NewUserAccount("online.pat", "patient-password-2", null, null, Set.of("patient"), "pat-8"));
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization authorization = flow.authorize(AuthorizationCodeFlow.DEMO_CLIENT,
				AuthorizationCodeFlow.DEMO_REDIRECT_URI, "openid launch/patient patient/*.rs", "online.pat",
				"patient-password-2");

		Response response = flow.exchange(authorization);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().has("access_token")).isTrue();
		assertThat(response.json().has("refresh_token")).isFalse();
		assertThat(response.json().get("scope").asString()).doesNotContain("offline_access");
	}

	@Test
	void withOfflineAccessTheRefreshTokenWorksAndScopeIsEchoedAgain() {
		this.users
			.create(new NewUserAccount("offline.pat", "patient-password-3", null, null, Set.of("patient"), "pat-9"));
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.http);
		Authorization authorization = flow.authorize(AuthorizationCodeFlow.DEMO_CLIENT,
				AuthorizationCodeFlow.DEMO_REDIRECT_URI, "openid launch/patient patient/*.rs offline_access",
				"offline.pat", "patient-password-3");
		JsonNode tokens = flow.exchange(authorization).json();

		Response refreshed = flow.refresh(AuthorizationCodeFlow.DEMO_CLIENT, tokens.get("refresh_token").asString());

		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(refreshed.json().get("scope").asString()).contains("offline_access");
		assertThat(refreshed.json().get("patient").asString()).isEqualTo("pat-9");
		assertThat(refreshed.json().get("refresh_token").asString())
			.isNotEqualTo(tokens.get("refresh_token").asString());
	}

	@Test
	void onlineAccessIsNotOfferedSoAskingForItIsInvalidScope() {
		Response response = this.http.get(
				"/oauth2/authorize?" + TestHttp.form(TestHttp.params("response_type", "code", "client_id",
						AuthorizationCodeFlow.DEMO_CLIENT, "redirect_uri", AuthorizationCodeFlow.DEMO_REDIRECT_URI,
						"scope", "openid online_access", "state", "s", "code_challenge",
						"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256")),
				"Accept", "text/html");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).startsWith(AuthorizationCodeFlow.DEMO_REDIRECT_URI)
			.contains("error=invalid_scope");
		assertThat(values(this.http.get("/.well-known/smart-configuration").json(), "capabilities"))
			.doesNotContain("permission-online");
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static List<String> values(JsonNode metadata, String name) {
		List<String> values = new ArrayList<>();
		metadata.get(name).forEach((value) -> values.add(value.asString()));
		return values;
	}

}
