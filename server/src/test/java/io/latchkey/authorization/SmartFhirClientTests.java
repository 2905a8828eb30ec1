package io.latchkey.authorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.Browser;
import io.latchkey.test.FhirClientBundle;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.StaticSite;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SMART standalone patient launch with the real SMART JavaScript client library,
 * {@code fhirclient}, in Chromium: the app on its own origin discovers
 * {@code .well-known/smart-configuration} at the FHIR base URL (a static FHIR server on a
 * third origin), sends the person to Latchkey with PKCE and {@code aud}, where a parent
 * signs in and picks a child on the patient picker; the library exchanges the code
 * through CORS, reads the child's Patient with the token, and refreshes because
 * {@code offline_access} was granted.
 */
class SmartFhirClientTests extends ServerTestSupport {

	private static final int PORT = freePort();

	private static final String ISSUER = "http://localhost:" + PORT;

	private static final StaticSite FHIR = new StaticSite(
			Map.of("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Headers",
					"Authorization, Accept, Content-Type", "Access-Control-Allow-Methods", "GET, OPTIONS"));

	private static final String FHIR_BASE = FHIR.origin() + "/fhir";

	private static final String SCOPE = "openid fhirUser launch/patient patient/*.rs offline_access";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	UserAccounts users;

	@DynamicPropertySource
	static void fixedPortAndFhirServer(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("latchkey.issuer", () -> ISSUER);
		registry.add("latchkey.smart.fhir-base-urls", () -> FHIR_BASE);
	}

	@AfterAll
	static void stopFhirServer() {
		FHIR.close();
	}

	@Test
	void standalonePatientLaunchWithFhirclient() throws Exception {
		Response discovery = this.http.get("/.well-known/smart-configuration");
		FHIR.serve("/fhir/.well-known/smart-configuration", "application/json", discovery.body())
			.serve("/fhir/Patient/child-fc", "application/fhir+json",
					"{\"resourceType\":\"Patient\",\"id\":\"child-fc\",\"name\":[{\"given\":[\"Emma\"]}]}");
		try (StaticSite app = new StaticSite()) {
			String clientId = registerApp(app.origin() + "/app/index.html");
			app.serve("/app/fhir-client.js", "text/javascript", FhirClientBundle.script())
				.serve("/app/launch.html", "text/html", launchPage(clientId))
				.serve("/app/index.html", "text/html", APP_PAGE);
			parentOf("child-fc");

			ChromeDriver browser = Browser.start();
			try {
				browser.get(app.origin() + "/app/launch.html");
				WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
				wait.until((d) -> d.getCurrentUrl().startsWith(ISSUER + "/login"));
				browser.findElement(By.name("username")).sendKeys("fc.parent");
				browser.findElement(By.name("password")).sendKeys("parent-password-fc");
				browser.findElement(By.id("sign-in")).click();
				wait.until((d) -> d.getCurrentUrl().startsWith(ISSUER + "/smart/patient"));
				browser.findElement(By.id("patient-child-fc")).click();
				browser.findElement(By.id("choose")).click();
				wait.until((d) -> d.getTitle().startsWith("ready") || d.getTitle().startsWith("error"));
				assertThat(browser.getTitle()).isEqualTo("ready");

				JsonNode result = JSON.readTree(
						String.valueOf(((JavascriptExecutor) browser).executeScript("return window.launchResult;")));
				assertThat(result.get("patient").asString()).isEqualTo("child-fc");
				assertThat(result.get("patientName").asString()).isEqualTo("Emma");
				assertThat(result.get("fhirUser").asString()).isEqualTo("Patient/pat-fc");
				assertThat(result.get("pkce").asBoolean()).isTrue();
				assertThat(result.get("scope").asString().split(" ")).contains("offline_access", "launch/patient");
				assertThat(result.get("refreshed").asBoolean()).isTrue();
				assertThat(result.get("patientAfterRefresh").asString()).isEqualTo("child-fc");

				String bearer = FHIR.requests()
					.stream()
					.filter((request) -> request.path().equals("/fhir/Patient/child-fc")
							&& request.authorization() != null)
					.findFirst()
					.orElseThrow()
					.authorization();
				JsonNode claims = JwtParts.claims(bearer.substring("Bearer ".length()));
				assertThat(claims.get("patient").asString()).isEqualTo("child-fc");
				assertThat(claims.get("aud").toString()).contains(FHIR_BASE);
			}
			finally {
				browser.quit();
			}
		}
	}

	private String registerApp(String redirectUri) {
		String clientId = "fhirclient-app";
		Response created = this.http.postJson("/api/admin/clients",
				Map.of("client_id", clientId, "client_name", "SMART app in the browser", "type", "public",
						"redirect_uris", List.of(redirectUri), "grant_types",
						List.of("authorization_code", "refresh_token"), "scopes", List.of(SCOPE.split(" ")),
						"require_consent", false),
				"Authorization", TestHttp.bearer(adminToken()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return clientId;
	}

	private void parentOf(String child) {
		var parent = this.users
			.create(new NewUserAccount("fc.parent", "parent-password-fc", null, null, Set.of("patient"), "pat-fc"));
		Response set = this.http.send(this.http
			.request("/api/admin/users/" + parent.id() + "/patients", "Authorization", TestHttp.bearer(adminToken()),
					"Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"patients\":[{\"patient\":\"" + child + "\",\"label\":\"Emma\"}]}"))
			.build());
		assertThat(set.status()).as(set.body()).isEqualTo(200);
	}

	private static String launchPage(String clientId) {
		return """
				<!DOCTYPE html><html><head><title>launching</title><script src="fhir-client.js"></script></head>
				<body><script>
				FHIR.oauth2.authorize({ clientId: '%s', scope: '%s', iss: '%s',
				  redirectUri: 'index.html', pkceMode: 'required' })
				  .catch((e) => { document.title = 'error: ' + e; });
				</script></body></html>
				""".formatted(clientId, SCOPE, FHIR_BASE);
	}

	private static final String APP_PAGE = """
			<!DOCTYPE html><html><head><title>app</title><script src="fhir-client.js"></script></head>
			<body><script>
			// A public client names itself when it refreshes (OAuth 2.1); the library
			// has a setting for it.
			FHIR.oauth2.settings.refreshTokenWithClientId = true;
			FHIR.oauth2.ready().then(async (client) => {
			  const patient = await client.patient.read();
			  const before = client.state.tokenResponse.access_token;
			  const result = { patient: client.patient.id, patientName: patient.name[0].given[0],
			    fhirUser: client.getFhirUser(), pkce: !!client.state.codeChallenge,
			    scope: client.state.tokenResponse.scope };
			  await client.refresh();
			  result.refreshed = client.state.tokenResponse.access_token !== before;
			  result.patientAfterRefresh = client.state.tokenResponse.patient;
			  window.launchResult = JSON.stringify(result);
			  document.title = 'ready';
			}).catch((e) => { document.title = 'error: ' + e; });
			</script></body></html>
			""";

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
