package io.latchkey.account;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.latchkey.shared.Secrets;
import io.latchkey.test.Accessibility;
import io.latchkey.test.Browser;
import io.latchkey.test.Pkce;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriComponentsBuilder;

import static io.latchkey.test.TestHttp.bearer;
import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people's side in real Chromium, one browser for the class: staff and admins in the
 * console, a patient on a phone on the launch, sign-in, consent and account pages, a
 * device approved, a data link in Spanish. Every page shown is checked with axe-core and,
 * with {@code -Dlatchkey.test.screenshots=
 *
<dir>
 * }, saved as a PNG.
 */
class PeoplePagesBrowserTests extends ServerTestSupport {

	private static final Dimension PHONE = new Dimension(390, 844);

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	private static WebDriver browser;

	@BeforeAll
	static void openBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void closeBrowser() {
		browser.quit();
	}

	@BeforeEach
	void freshSession() {
		browser.manage().window().setSize(DESKTOP);
		browser.get(this.http.base() + "/css/latchkey.css");
		browser.manage().deleteAllCookies();
	}

	@Test
	void staffCreatesAnInvitationSeesItsQrCodeAndCannotManageClients() {
		String staff = person("staff");
		signIn(staff);

		open("/console");
		assertThat(browser.getCurrentUrl()).endsWith("/console/invitations");
		assertThat(browser.findElements(By.linkText("Clients"))).isEmpty();
		check("console-invitations");
		new Select(browser.findElement(By.id("clientId"))).selectByValue("demo-app");
		browser.findElement(By.id("subject")).sendKeys("pat.invited");
		browser.findElement(By.id("create-invitation")).click();

		WebElement qr = shown(By.id("invitation-qr"));
		assertThat(qr.getAttribute("src")).startsWith("data:image/svg+xml");
		assertThat(browser.findElement(By.id("invitation-link")).getText()).contains("?link=");
		check("console-invitation-created");

		open("/console/invitations");
		assertThat(browser.findElement(By.id("invitations")).getText()).contains("pat.invited");
		browser.findElement(By.cssSelector("#invitations button.danger")).click();
		assertThat(shown(By.id("form-notice")).getText()).isEqualTo("Revoked.");

		for (String forbidden : List.of("/console/clients", "/console/users", "/console/keys", "/console/audit",
				"/console/outbox")) {
			open(forbidden);
			assertThat(browser.findElement(By.id("error-message")).getText()).as(forbidden)
				.isEqualTo("You are not allowed to open this page.");
		}
		check("console-forbidden");
	}

	@Test
	void adminRotatesASigningKeyAndReadsTheAuditLog() {
		signIn("admin", ADMIN_PASSWORD);

		open("/console/keys");
		check("console-keys");
		browser.findElement(By.id("rotate-ES256")).click();
		assertThat(shown(By.id("rotated-kid")).getText()).startsWith("New key:");
		assertThat(browser.findElement(By.id("form-notice")).getText()).isEqualTo("Rotated.");

		open("/console/audit?type=key.rotated");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((d) -> {
			d.navigate().refresh();
			return !d.findElements(By.id("audit")).isEmpty();
		});
		assertThat(browser.findElement(By.id("audit")).getText()).contains("key.rotated");
		browser.findElement(By.id("verify-chain")).click();
		assertThat(shown(By.id("chain-status")).getText()).contains("records checked");
		check("console-audit");

		for (String page : List.of("clients", "users", "data-links", "outbox")) {
			open("/console/" + page);
			check("console-" + page);
		}
		browser.findElement(By.cssSelector("a[href='/console/clients']")).click();
		browser.findElement(By.id("clientName")).sendKeys("Ward server");
		browser.findElement(By.id("type-confidential")).click();
		browser.findElement(By.id("grant-0")).click();
		browser.findElement(By.id("grant-1")).click();
		browser.findElement(By.id("grant-2")).click();
		browser.findElement(By.id("scopes")).clear();
		browser.findElement(By.id("create-client")).click();
		assertThat(shown(By.id("client-secret")).getText()).hasSizeGreaterThanOrEqualTo(43);
		check("console-client-secret");
	}

	@Test
	void aPatientOnAPhoneDisconnectsAnAppWhoseRefreshTokenThenFails() {
		browser.manage().window().setSize(PHONE);
		String patient = person("patient");
		JsonNode invitation = this.http
			.postJson("/api/admin/invitations", Map.of("client_id", "demo-app", "subject", patient), "Authorization",
					bearer(adminToken()))
			.json();
		String link = invitation.get("link").asString();
		open(link.substring(link.indexOf("/launch")));
		assertThat(shown(By.id("qr")).isDisplayed()).isTrue();
		assertFitsTheScreen();
		check("launch");

		String refreshToken = authorizeInTheBrowser(patient);

		open("/account");
		shown(By.id("apps"));
		assertThat(browser.findElements(By.cssSelector("#apps li[data-client-id='demo-app']"))).hasSize(1);
		assertThat(browser.findElement(By.id("sessions")).getText()).contains("(this browser)");
		assertFitsTheScreen();
		check("account");
		browser.findElement(By.id("revoke-demo-app")).click();
		assertThat(shown(By.id("form-notice")).getText()).contains("disconnected");
		assertThat(browser.findElements(By.cssSelector("#apps li[data-client-id='demo-app']"))).isEmpty();

		Response refreshed = this.http.postForm("/oauth2/token",
				params("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "demo-app"));
		assertThat(refreshed.status()).isEqualTo(400);
		assertThat(refreshed.json().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void aPersonApprovesADeviceCode() {
		browser.manage().window().setSize(PHONE);
		String clientId = "ward-desktop-" + Secrets.random(4);
		Response registered = this.http.postJson("/api/admin/clients",
				Map.of("client_id", clientId, "client_name", "Ward Desktop", "type", "public", "redirect_uris",
						List.of(), "grant_types",
						List.of("urn:ietf:params:oauth:grant-type:device_code", "refresh_token"), "scopes",
						List.of("patient/*.rs", "offline_access")),
				"Authorization", bearer(adminToken()));
		assertThat(registered.status()).isEqualTo(201);
		JsonNode device = this.http
			.postForm("/oauth2/device_authorization", params("client_id", clientId, "scope", "patient/*.rs"))
			.json();
		String patient = person("patient");

		browser.get(device.get("verification_uri").asString());
		signInHere(patient);
		check("device-verification");
		browser.findElement(By.id("user_code")).sendKeys(device.get("user_code").asString());
		browser.findElement(By.id("continue")).click();
		assertThat(shown(By.id("user-code")).getText()).isEqualTo(device.get("user_code").asString());
		check("device-confirm");
		browser.findElement(By.id("approve")).click();
		assertThat(shown(By.id("outcome")).getText()).isEqualTo("Device connected");
		check("device-done");

		Response tokens = this.http.postForm("/oauth2/token",
				params("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code",
						device.get("device_code").asString(), "client_id", clientId));
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
	}

	@Test
	void pagesSpeakSpanishWhenAskedAndRememberIt() {
		browser.manage().window().setSize(PHONE);
		open("/login?lang=es");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Iniciar sesión");
		check("login-es");

		JsonNode link = this.http
			.postJson("/api/admin/data-links",
					Map.of("payload",
							Map.of("resourceType", "Observation", "status", "final", "code", Map.of("text", "Glucosa"),
									"valueQuantity", Map.of("value", 92, "unit", "mg/dL")),
							"factor", Map.of("type", "dob", "value", "1975-06-01")),
					"Authorization", bearer(adminToken()))
			.json();
		open(URI.create(link.get("url").asString()).getPath());
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Su enlace seguro");
		check("data-link-es");
		browser.findElement(By.id("factor")).sendKeys("1975-06-01");
		browser.findElement(By.id("continue")).click();
		assertThat(shown(By.id("done")).isDisplayed()).isTrue();
		assertThat(browser.getPageSource()).contains("Glucosa");
		check("data-link-content-es");
		browser.findElement(By.cssSelector("a[lang='en']")).click();
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

		Response english = this.http.get("/login", "Accept", "text/html", "Accept-Language", "fr, es;q=0.8");
		assertThat(english.body()).contains("<html lang=\"es\"").contains("Iniciar sesión");
	}

	@Test
	void errorAndLoginPagesHaveNoSeriousAccessibilityProblems() {
		open("/login");
		check("login");
		signIn(person("patient"));
		open("/nothing/here");
		assertThat(browser.findElement(By.id("error-title")).isDisplayed()).isTrue();
		check("error-page");
	}

	/**
	 * The demo app's authorization code flow in the browser (sign-in and consent pages
	 * included), the code exchanged as the app would; answers the refresh token.
	 */
	private String authorizeInTheBrowser(String username) {
		Pkce pkce = Pkce.create();
		String redirectUri = "http://127.0.0.1:53682/callback";
		open("/oauth2/authorize?" + TestHttp.form(params("response_type", "code", "client_id", "demo-app",
				"redirect_uri", redirectUri, "scope", "openid offline_access", "state", "s1", "code_challenge",
				pkce.challenge(), "code_challenge_method", "S256")));
		signInHere(username);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((d) -> d.getCurrentUrl().startsWith(redirectUri) || !d.findElements(By.id("approve")).isEmpty());
		if (!browser.getCurrentUrl().startsWith(redirectUri)) {
			assertFitsTheScreen();
			check("consent");
			browser.findElement(By.id("approve")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10)).until((d) -> d.getCurrentUrl().startsWith(redirectUri));
		}
		String code = UriComponentsBuilder.fromUriString(browser.getCurrentUrl())
			.build()
			.getQueryParams()
			.getFirst("code");
		Response tokens = this.http.postForm("/oauth2/token", params("grant_type", "authorization_code", "code", code,
				"redirect_uri", redirectUri, "code_verifier", pkce.verifier(), "client_id", "demo-app"));
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		return tokens.json().get("refresh_token").asString();
	}

	/**
	 * A new local account with the role; answers its username (the password is fixed).
	 */
	private String person(String role) {
		String username = role + "." + Secrets.random(6).toLowerCase();
		Response created = this.http.postJson("/api/admin/users",
				Map.of("username", username, "password", password(username), "roles", List.of(role)), "Authorization",
				bearer(adminToken()));
		assertThat(created.status()).isEqualTo(201);
		return username;
	}

	private static String password(String username) {
		return "pages-" + username + "-password";
	}

	private void signIn(String username) {
		signIn(username, password(username));
	}

	private void signIn(String username, String password) {
		open("/login");
		fillSignIn(username, password);
	}

	/** Signs in on the login page the browser was sent to. */
	private void signInHere(String username) {
		shown(By.id("username"));
		check("login-" + (browser.manage().window().getSize().equals(PHONE) ? "phone" : "desktop"));
		fillSignIn(username, password(username));
	}

	private static void fillSignIn(String username, String password) {
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((d) -> !d.getCurrentUrl().contains("/login"));
	}

	private void open(String path) {
		browser.get(this.http.base() + path);
	}

	/** The page has no serious accessibility problem; its screenshot is saved. */
	private static void check(String name) {
		Browser.screenshot(browser, name);
		assertThat(Accessibility.seriousViolations(browser)).as(name).isEmpty();
	}

	private static void assertFitsTheScreen() {
		Object overflow = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
		assertThat(overflow).isEqualTo(false);
	}

	private static WebElement shown(By locator) {
		return new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(locator));
	}

}
