package io.latchkey.authorization;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latchkey.test.AuthorizationCodeFlow;
import io.latchkey.test.AuthorizationCodeFlow.Authorization;
import io.latchkey.test.AuthorizationCodeFlow.Tokens;
import io.latchkey.test.IntegrationTest;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMART App Launch 2 at the authorization endpoint, through the running server: v2 scopes
 * that narrow a registered one are granted and echoed, and {@code aud} must name a
 * configured FHIR server, which the access token is then for.
 */
@IntegrationTest
@TestPropertySource(properties = "latchkey.smart.fhir-base-urls=https://fhir.example.org/r4/")
class SmartLaunchTests extends ServerTestSupport {

	private static final String FHIR_SERVER = "https://fhir.example.org/r4/";

	private static final String VITAL_SIGNS = "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs";

	private AuthorizationCodeFlow flow;

	@BeforeEach
	void flow() {
		this.flow = new AuthorizationCodeFlow(this.http);
	}

	@Test
	void v2ScopeNarrowingARegisteredOneIsGrantedAndEchoed() {
		Tokens tokens = signIn("openid offline_access " + VITAL_SIGNS, Map.of("aud", FHIR_SERVER));

		assertThat(tokens.json().get("scope").asString().split(" ")).contains(VITAL_SIGNS, "offline_access")
			.doesNotContain("patient/*.rs");
		assertThat(JwtParts.claims(tokens.accessToken()).get("scope").toString()).contains(VITAL_SIGNS);
	}

	@Test
	void scopeWiderThanTheRegisteredOnesIsInvalidScope() {
		Map<String, String> error = refusedAuthorization("openid patient/*.cruds", Map.of());

		assertThat(error.get("error")).isEqualTo("invalid_scope");
	}

	@Test
	void scopeBreakingTheGrammarIsInvalidScope() {
		Map<String, String> error = refusedAuthorization("openid patient/*.sr", Map.of());

		assertThat(error.get("error")).isEqualTo("invalid_scope");
	}

	@Test
	void unknownAudienceIsRefusedByRedirect() {
		Map<String, String> error = refusedAuthorization("openid patient/*.rs",
				Map.of("aud", "https://fhir.attacker.example/r4"));

		assertThat(error.get("error")).isEqualTo("invalid_request");
		assertThat(error.get("error_description")).contains("aud");
	}

	@Test
	void knownAudienceIsTheAccessTokensAudienceAlsoAfterRefresh() {
		Tokens tokens = signIn("openid offline_access patient/*.rs", Map.of("aud", "https://FHIR.example.org/r4"));
		assertThat(audience(tokens.accessToken())).containsExactly(FHIR_SERVER);

		Response refreshed = this.flow.refresh(AuthorizationCodeFlow.DEMO_CLIENT, tokens.refreshToken());

		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(audience(refreshed.json().get("access_token").asString())).containsExactly(FHIR_SERVER);
	}

	@Test
	void withoutAudienceTheTokenKeepsTheClientAsAudience() {
		Tokens tokens = signIn("openid patient/*.rs", Map.of());

		assertThat(audience(tokens.accessToken())).containsExactly(AuthorizationCodeFlow.DEMO_CLIENT);
	}

	private Tokens signIn(String scope, Map<String, String> moreParameters) {
		Authorization authorization = this.flow.authorize(AuthorizationCodeFlow.DEMO_CLIENT,
				AuthorizationCodeFlow.DEMO_REDIRECT_URI, scope, "admin", ADMIN_PASSWORD, moreParameters);
		Response response = this.flow.exchange(authorization);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Tokens.of(response);
	}

	/**
	 * An authorization request that must come back to the client's redirect URI with an
	 * error and the request's state; returns the redirect's parameters.
	 */
	private Map<String, String> refusedAuthorization(String scope, Map<String, String> moreParameters) {
		Map<String, String> parameters = TestHttp.params("response_type", "code", "client_id",
				AuthorizationCodeFlow.DEMO_CLIENT, "redirect_uri", AuthorizationCodeFlow.DEMO_REDIRECT_URI, "scope",
				scope, "state", "the-state", "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
				"code_challenge_method", "S256");
		parameters.putAll(moreParameters);

		Response response = this.http.get("/oauth2/authorize?" + TestHttp.form(parameters), "Accept", "text/html");

		assertThat(response.status()).isEqualTo(302);
		String location = response.header("Location");
		assertThat(location).startsWith(AuthorizationCodeFlow.DEMO_REDIRECT_URI + "?");
		Map<String, String> query = query(location);
		assertThat(query).containsEntry("state", "the-state").doesNotContainKey("code");
		return query;
	}

	private static List<String> audience(String accessToken) {
		JsonNode aud = JwtParts.claims(accessToken).get("aud");
		return aud.isArray() ? aud.valueStream().map(JsonNode::asString).toList() : List.of(aud.asString());
	}

	private static Map<String, String> query(String location) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : URI.create(location).getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

}
