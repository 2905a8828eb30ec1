package io.latchkey.authorization;

import java.util.Map;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static io.latchkey.test.TestHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests at the protocol endpoints get the answer the RFCs name, in RFC 6749 form,
 * never Spring Boot's default error body; a bad authorization request goes back to a
 * trusted client by redirect, and only an untrusted one gets an error page.
 */
class ProtocolErrorTests extends ServerTestSupport {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String AUTHORIZE = "/oauth2/authorize?client_id=demo-app"
			+ "&redirect_uri=http://127.0.0.1:4100/callback&state=st%20ate";

	@Test
	void malformedFormBodyIsAnInvalidRequest() {
		Response response = this.http.post("/oauth2/token", FORM, "grant_type=client_credentials&scope=%zz%",
				"Authorization", basic("latchkey-admin", ADMIN_CLIENT_SECRET));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_request");
		assertThat(response.body()).doesNotContain("timestamp");
	}

	@Test
	void garbageAuthorizationHeadersAreInvalidClientWithAChallenge() {
		for (String header : new String[] { "garbage!!", "Basic !!!", "Basic " + "bm9jb2xvbg==", "Bearer abc.def",
				"DPoP abc" }) {
			Response response = this.http.post("/oauth2/token", FORM, "grant_type=client_credentials", "Authorization",
					header);

			assertThat(response.status()).as(header).isEqualTo(401);
			assertThat(response.json().get("error").asString()).as(header).isEqualTo("invalid_client");
			assertThat(response.header("WWW-Authenticate")).as(header).startsWith("Basic");
		}
	}

	@Test
	void missingOrUnsupportedResponseTypeIsRedirectedToTheClientWithState() {
		Response missing = this.http.get(AUTHORIZE);
		Response unsupported = this.http.get(AUTHORIZE + "&response_type=token");

		assertThat(missing.status()).isEqualTo(302);
		assertThat(missing.header("Location")).startsWith("http://127.0.0.1:4100/callback?")
			.contains("error=invalid_request")
			.contains("state=st%20ate");
		assertThat(unsupported.status()).isEqualTo(302);
		assertThat(unsupported.header("Location")).startsWith("http://127.0.0.1:4100/callback?")
			.contains("error=unsupported_response_type")
			.contains("state=st%20ate");
	}

	@Test
	void untrustedClientOrRedirectGetsAnErrorPageNeverARedirect() {
		String unknownClient = "/oauth2/authorize?response_type=code&client_id=nobody"
				+ "&redirect_uri=http://127.0.0.1:4100/callback&state=x";
		String foreignRedirect = "/oauth2/authorize?client_id=demo-app&redirect_uri=https://evil.example/cb&state=x";

		for (String path : new String[] { unknownClient, foreignRedirect }) {
			Response page = this.http.get(path, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
			assertThat(page.status()).as(path).isEqualTo(400);
			assertThat(page.header("Location")).isNull();
			assertThat(page.header("Content-Type")).startsWith("text/html");
			assertThat(page.body()).contains("<html").doesNotContain("Whitelabel");

			Response json = this.http.get(path);
			assertThat(json.status()).isEqualTo(400);
			assertThat(json.header("Location")).isNull();
			assertThat(json.json().get("error").asString()).isEqualTo("invalid_request");
			assertThat(json.body()).doesNotContain("timestamp");
		}
	}

	@Test
	void publicClientWithoutCodeVerifierHasAnInvalidGrant() {
		Response response = this.http.postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code",
				"some-code", "client_id", "demo-app", "redirect_uri", "http://127.0.0.1/callback"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_grant");
	}

}
