package io.latchkey.authorization;

import java.util.ArrayList;
import java.util.List;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTests extends ServerTestSupport {

	@Test
	void openIdConfigurationPointsAtTheLibraryEndpoints() {
		JsonNode metadata = this.http.get("/.well-known/openid-configuration").json();

		assertThat(metadata.get("issuer").asString()).isEqualTo("http://localhost:9000");
		assertThat(metadata.get("token_endpoint").asString()).isEqualTo("http://localhost:9000/oauth2/token");
		assertThat(metadata.get("jwks_uri").asString()).isEqualTo("http://localhost:9000/oauth2/jwks");
		assertThat(metadata.get("userinfo_endpoint").asString()).isEqualTo("http://localhost:9000/userinfo");
		assertThat(metadata.get("id_token_signing_alg_values_supported").toString()).contains("RS256");
	}

	@Test
	void authorizationServerMetadataOffersOnlyS256() {
		JsonNode metadata = this.http.get("/.well-known/oauth-authorization-server").json();

		assertThat(metadata.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
		assertThat(metadata.get("introspection_endpoint").asString()).endsWith("/oauth2/introspect");
		assertThat(metadata.get("revocation_endpoint").asString()).endsWith("/oauth2/revoke");
	}

	@Test
	void smartConfigurationDescribesSmartAppLaunch2() {
		Response response = this.http.get("/.well-known/smart-configuration");

		assertThat(response.status()).isEqualTo(200);
		JsonNode smart = response.json();
		assertThat(smart.get("issuer").asString()).isEqualTo("http://localhost:9000");
		assertThat(smart.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
		assertThat(smart.get("token_endpoint").asString()).isEqualTo("http://localhost:9000/oauth2/token");
		assertThat(smart.get("capabilities").toString())
			.contains("launch-standalone", "client-public", "context-standalone-patient", "permission-offline",
					"permission-v1", "permission-v2")
			.doesNotContain("launch-ehr");
	}

	@Test
	void smartConfigurationAgreesWithTheOpenIdMetadata() {
		JsonNode smart = this.http.get("/.well-known/smart-configuration").json();
		JsonNode openid = this.http.get("/.well-known/openid-configuration").json();

		for (String endpoint : List.of("issuer", "jwks_uri", "authorization_endpoint", "token_endpoint",
				"introspection_endpoint", "revocation_endpoint", "userinfo_endpoint")) {
			assertThat(smart.get(endpoint).asString()).as(endpoint).isEqualTo(openid.get(endpoint).asString());
		}
		assertThat(values(smart, "grant_types_supported"))
			.containsExactlyInAnyOrderElementsOf(values(openid, "grant_types_supported"));
		assertThat(values(smart, "grant_types_supported")).contains("urn:ietf:params:oauth:grant-type:device_code");
		assertThat(values(smart, "code_challenge_methods_supported"))
			.containsExactlyInAnyOrderElementsOf(values(openid, "code_challenge_methods_supported"));
		assertThat(values(smart, "response_types_supported"))
			.containsExactlyInAnyOrderElementsOf(values(openid, "response_types_supported"));
		// Public clients authenticate with none; everything else as the OpenID
		// metadata says.
		List<String> methods = new ArrayList<>(values(smart, "token_endpoint_auth_methods_supported"));
		assertThat(methods.remove("none")).isTrue();
		assertThat(methods)
			.containsExactlyInAnyOrderElementsOf(values(openid, "token_endpoint_auth_methods_supported"));
		assertThat(methods).contains("tls_client_auth", "self_signed_tls_client_auth");
		assertThat(values(smart, "scopes_supported")).containsAll(values(openid, "scopes_supported"));
	}

	private static List<String> values(JsonNode metadata, String name) {
		List<String> values = new ArrayList<>();
		metadata.get(name).forEach((value) -> values.add(value.asString()));
		return values;
	}

	@Test
	void plainPkceIsRefusedAtTheAuthorizationEndpoint() {
		Response response = this.http.get("/oauth2/authorize?response_type=code&client_id=demo-app"
				+ "&redirect_uri=http://127.0.0.1:4000/callback&scope=openid&state=x"
				+ "&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq&code_challenge_method=plain");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).startsWith("http://127.0.0.1:4000/callback")
			.contains("error=invalid_request");
	}

	@Test
	void publicClientWithoutPkceIsRefused() {
		Response response = this.http.get("/oauth2/authorize?response_type=code&client_id=demo-app"
				+ "&redirect_uri=http://127.0.0.1:4000/callback&scope=openid&state=x");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).contains("error=invalid_request");
	}

	@Test
	void unregisteredRedirectUriIsNeverRedirectedTo() {
		Response response = this.http.get("/oauth2/authorize?response_type=code&client_id=demo-app"
				+ "&redirect_uri=https://evil.example/callback&scope=openid&state=x"
				+ "&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq&code_challenge_method=S256");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Location")).isNull();
	}

}
