package io.latchkey.authorization;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.latchkey.test.Browser;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.StaticSite;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS for browser apps: registered public clients' redirect origins, and only those, may
 * call discovery, token, revocation and JWKS from their pages; introspection, pages and
 * everyone else get no CORS headers. Over real HTTP, and from a real Chromium page on
 * another origin.
 */
class SmartCorsTests extends ServerTestSupport {

	private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

	private StaticSite app;

	private StaticSite stranger;

	private String clientId;

	@BeforeEach
	void registerBrowserApp() {
		this.app = new StaticSite().serve("/app/", "text/html", "<!DOCTYPE html><title>app</title>");
		this.stranger = new StaticSite().serve("/app/", "text/html", "<!DOCTYPE html><title>stranger</title>");
		this.clientId = "browser-app-" + this.app.origin().hashCode() + "-" + System.nanoTime();
		Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_id", this.clientId, "client_name", "Browser app", "type", "public", "redirect_uris",
						List.of(this.app.origin() + "/app/"), "grant_types",
						List.of("authorization_code", "refresh_token"), "scopes", List.of("openid", "offline_access")),
				"Authorization", TestHttp.bearer(adminToken()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	@AfterEach
	void stopSites() {
		this.app.close();
		this.stranger.close();
	}

	@Test
	void registeredOriginMayReadDiscoveryAndJwks() {
		for (String path : List.of("/.well-known/smart-configuration", "/.well-known/openid-configuration",
				"/.well-known/oauth-authorization-server", "/oauth2/jwks")) {
			Response response = this.http.get(path, "Origin", this.app.origin());

			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.header(ALLOW_ORIGIN)).as(path).isEqualTo(this.app.origin());
			assertThat(response.header("Access-Control-Allow-Credentials")).as(path).isNull();
			assertThat(response.raw().headers().allValues("Vary").toString()).as(path).contains("Origin");
		}
	}

	@Test
	void preflightForTheTokenEndpointIsAnsweredWithoutAuthentication() {
		Response preflight = this.http.send(this.http
			.request("/oauth2/token", "Origin", this.app.origin(), "Access-Control-Request-Method", "POST",
					"Access-Control-Request-Headers", "content-type,dpop")
			.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());

		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header(ALLOW_ORIGIN)).isEqualTo(this.app.origin());
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
		assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("content-type", "dpop");
		assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
	}

	@Test
	void tokenAndRevocationErrorsAreReadableByTheApp() {
		Response token = this.http.postForm("/oauth2/token", TestHttp.params("grant_type", "refresh_token",
				"refresh_token", "not-a-token", "client_id", this.clientId), "Origin", this.app.origin());
		Response revoke = this.http.postForm("/oauth2/revoke",
				TestHttp.params("token", "not-a-token", "client_id", this.clientId), "Origin", this.app.origin());

		assertThat(token.status()).isEqualTo(400);
		assertThat(token.json().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(token.header(ALLOW_ORIGIN)).isEqualTo(this.app.origin());
		assertThat(revoke.header(ALLOW_ORIGIN)).isEqualTo(this.app.origin());
	}

	@Test
	void unregisteredOriginGetsNoCorsHeadersAndItsPreflightIsRefused() {
		Response discovery = this.http.get("/.well-known/smart-configuration", "Origin", this.stranger.origin());
		Response preflight = this.http.send(this.http
			.request("/oauth2/token", "Origin", this.stranger.origin(), "Access-Control-Request-Method", "POST")
			.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());

		assertThat(discovery.status()).isEqualTo(200);
		assertThat(discovery.header(ALLOW_ORIGIN)).isNull();
		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.header(ALLOW_ORIGIN)).isNull();
	}

	@Test
	void methodsOtherThanGetAndPostGetNoCorsAndTheEndpointsOwnError() {
		Response put = this.http.send(this.http.request("/oauth2/token", "Origin", this.app.origin())
			.PUT(java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());
		Response preflight = this.http.send(
				this.http.request("/oauth2/token", "Origin", this.app.origin(), "Access-Control-Request-Method", "PUT")
					.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
					.build());

		assertThat(put.header(ALLOW_ORIGIN)).isNull();
		assertThat(put.body()).doesNotContain("Invalid CORS request");
		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.header(ALLOW_ORIGIN)).isNull();
		assertThat(preflight.body()).isEmpty();
	}

	@Test
	void confidentialClientsRedirectOriginIsNoBrowserApp() {
		Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_id", "web-backend-" + System.nanoTime(), "client_name", "Web backend", "type",
						"confidential", "redirect_uris", List.of("https://backend.example.org/callback"), "grant_types",
						List.of("authorization_code"), "scopes", List.of("openid")),
				"Authorization", TestHttp.bearer(adminToken()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Response response = this.http.get("/.well-known/smart-configuration", "Origin", "https://backend.example.org");

		assertThat(response.header(ALLOW_ORIGIN)).isNull();
	}

	@Test
	void introspectionAndPagesHaveNoCors() {
		Response introspection = this.http.postForm("/oauth2/introspect", TestHttp.params("token", "x"), "Origin",
				this.app.origin());
		Response introspectionPreflight = this.http.send(this.http
			.request("/oauth2/introspect", "Origin", this.app.origin(), "Access-Control-Request-Method", "POST")
			.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());
		Response login = this.http.get("/login", "Origin", this.app.origin());
		Response userinfo = this.http.get("/userinfo", "Origin", this.app.origin());

		assertThat(introspection.header(ALLOW_ORIGIN)).isNull();
		assertThat(introspectionPreflight.header(ALLOW_ORIGIN)).isNull();
		assertThat(login.header(ALLOW_ORIGIN)).isNull();
		assertThat(userinfo.header(ALLOW_ORIGIN)).isNull();
	}

	@Test
	void aPageOnTheAppsOriginMayFetchButAStrangersPageMayNot() {
		ChromeDriver browser = Browser.start();
		try {
			browser.get(this.app.origin() + "/app/");
			assertThat(fetchFromPage(browser)).isEqualTo("read issuer http://localhost:9000 and token error 400");

			browser.get(this.stranger.origin() + "/app/");
			assertThat(fetchFromPage(browser)).startsWith("blocked");
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * Discovery (a simple request), then a token request with a DPoP header, which needs
	 * a preflight.
	 */
	private String fetchFromPage(ChromeDriver browser) {
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const base = arguments[0];
				const clientId = arguments[1];
				(async () => {
				  try {
				    const metadata = await (await fetch(base + '/.well-known/smart-configuration')).json();
				    const token = await fetch(base + '/oauth2/token', { method: 'POST',
				      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'DPoP': 'not-a-proof' },
				      body: 'grant_type=refresh_token&refresh_token=nothing&client_id=' + clientId });
				    done('read issuer ' + metadata.issuer + ' and token error ' + token.status);
				  } catch (e) {
				    done('blocked: ' + e);
				  }
				})();
				""", this.http.base(), this.clientId);
		return String.valueOf(result);
	}

}
