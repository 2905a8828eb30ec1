package io.latchkey.authorization;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.Browser;
import io.latchkey.test.Pkce;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A native app signs a patient in through the system browser (RFC 8252): login page,
 * consent page, loopback redirect on an ephemeral port, PKCE code exchange, SMART patient
 * context.
 */
class NativeAppBrowserTests extends ServerTestSupport {

	private static final int APP_PORT = 53_682;

	@Autowired
	UserAccounts users;

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.start();
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void patientSignsInApprovesAndTheAppGetsSmartContextAndARefreshToken() {
		this.users
			.create(new NewUserAccount("pat.smith", "patient-password-1", null, null, Set.of("patient"), "pat-42"));
		Pkce pkce = Pkce.create();

		this.browser.get(authorizeUrl(pkce, "openid fhirUser launch/patient patient/*.rs offline_access", "s-1"));
		signIn("pat.smith", "patient-password-1");
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((d) -> d.getCurrentUrl().contains("/oauth2/consent"));
		assertThat(this.browser.getPageSource()).contains("Latchkey demo app").contains("patient/*.rs");
		this.browser.findElement(By.id("approve")).click();

		URI callback = awaitCallback();
		assertThat(query(callback, "state")).isEqualTo("s-1");
		Response token = this.http.postForm("/oauth2/token",
				params("grant_type", "authorization_code", "code", query(callback, "code"), "redirect_uri",
						"http://127.0.0.1:" + APP_PORT + "/callback", "client_id", "demo-app", "code_verifier",
						pkce.verifier()));

		assertThat(token.status()).as(token.body()).isEqualTo(200);
		JsonNode body = token.json();
		assertThat(body.get("patient").asString()).isEqualTo("pat-42");
		assertThat(body.get("refresh_token").asString()).isNotBlank();
		assertThat(JwtParts.claims(body.get("access_token").asString()).get("patient").asString()).isEqualTo("pat-42");
		assertThat(JwtParts.claims(body.get("id_token").asString()).get("fhirUser").asString())
			.isEqualTo("Patient/pat-42");
		assertThat(JwtParts.header(body.get("id_token").asString())).contains("RS256");

		Response userinfo = this.http.get("/userinfo", "Authorization", bearer(body.get("access_token").asString()));
		assertThat(userinfo.status()).isEqualTo(200);
		assertThat(userinfo.json().get("sub").asString())
			.isEqualTo(this.users.findByUsername("pat.smith").orElseThrow().id().toString());
	}

	@Test
	void denyingSendsTheAppAccessDenied() {
		this.users.create(new NewUserAccount("pat.jones", "patient-password-2", null, null, Set.of("patient"), null));

		this.browser.get(authorizeUrl(Pkce.create(), "openid patient/*.rs", "s-2"));
		signIn("pat.jones", "patient-password-2");
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((d) -> d.getCurrentUrl().contains("/oauth2/consent"));
		this.browser.findElement(By.id("deny")).click();

		URI callback = awaitCallback();
		assertThat(query(callback, "error")).isEqualTo("access_denied");
		assertThat(query(callback, "code")).isNull();
	}

	private void signIn(String username, String password) {
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((d) -> d.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.name("username")).sendKeys(username);
		this.browser.findElement(By.name("password")).sendKeys(password);
		this.browser.findElement(By.id("sign-in")).click();
	}

	private URI awaitCallback() {
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((d) -> d.getCurrentUrl().startsWith("http://127.0.0.1:" + APP_PORT + "/callback"));
		return URI.create(this.browser.getCurrentUrl());
	}

	private String authorizeUrl(Pkce pkce, String scope, String state) {
		return this.http.base() + "/oauth2/authorize?response_type=code&client_id=demo-app&redirect_uri="
				+ enc("http://127.0.0.1:" + APP_PORT + "/callback") + "&scope=" + enc(scope) + "&state=" + state
				+ "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
	}

	private static String query(URI uri, String name) {
		return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
