package io.latchkey.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/**
 * The server under test and the clients and user the scenarios act as.
 *
 * @param http the shared back-channel client
 * @param endpoints where to send requests
 * @param client the confidential client for {@code client_credentials} and introspection
 * @param clientScope the scope to request with {@code client_credentials}, or
 * {@code null}
 * @param browser the public client and user for code and refresh scenarios, or
 * {@code null} when no password was given
 * @param timeout how long any one request may take
 */
record Target(OAuthHttp http, Endpoints endpoints, ClientCredentials client, String clientScope,
		BrowserSettings browser, Duration timeout) {

	HttpResponseBody clientCredentialsGrant() throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		if (this.clientScope != null) {
			form.put("scope", this.clientScope);
		}
		return this.http.post(this.endpoints.token(), form, this.client);
	}

	HttpResponseBody exchangeCode(String code, CodeVerifier pkce) throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", this.browser.redirectUri().toString());
		form.put("code_verifier", pkce.getValue());
		return this.http.post(this.endpoints.token(), form, ClientCredentials.publicClient(this.browser.clientId()));
	}

	HttpResponseBody refresh(String refreshToken) throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken);
		return this.http.post(this.endpoints.token(), form, ClientCredentials.publicClient(this.browser.clientId()));
	}

	HttpResponseBody introspect(String token) throws IOException, InterruptedException {
		return this.http.post(this.endpoints.introspection(), Map.of("token", token), this.client);
	}

	Browser newBrowser() {
		if (this.browser == null) {
			throw new IllegalStateException("This scenario signs a user in; give --password");
		}
		return new Browser(this.browser, this.timeout);
	}

}
