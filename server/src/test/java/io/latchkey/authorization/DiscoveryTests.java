package io.latchkey.authorization;

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
		assertThat(smart.get("capabilities").toString()).contains("launch-standalone", "client-public",
				"context-standalone-patient", "permission-offline", "permission-v2");
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
