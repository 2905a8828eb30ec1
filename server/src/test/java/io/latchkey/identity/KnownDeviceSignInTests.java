package io.latchkey.identity;

import java.net.HttpCookie;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.latchkey.test.TestHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strangers guessing at an account from many addresses spend its global budget; the owner
 * still signs in, through either door, from a device with the device cookie of an earlier
 * sign-in, and only there: without one, or with a forged one or another account's, the
 * account is locked as before.
 */
class KnownDeviceSignInTests extends ServerTestSupport {

	private static final String PASSWORD = "the right password for device tests";

	private static final int ACCOUNT_BUDGET = 60;

	private static final int DEVICE_BUDGET = 5;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final AtomicInteger IDS = new AtomicInteger();

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	UserAccounts users;

	@DynamicPropertySource
	static void proxy(DynamicPropertyRegistry registry) {
		// The tests stand in for a reverse proxy on loopback that names each client.
		registry.add("latchkey.web.trusted-proxies", () -> "127.0.0.1/32,::1/128");
	}

	@Test
	void theOwnerSignsInFromAKnownDeviceWhileStrangersHoldTheAccountsBudget() {
		String username = account();
		String apiDevice = deviceCookie(apiSignIn(username, PASSWORD, newAddress(), null));
		Response page = pageSignIn(username, PASSWORD, newAddress(), null);
		assertThat(page.header("Location")).doesNotContain("error");
		String pageDevice = deviceCookie(page);

		spendTheAccountsBudget(username);

		assertThat(apiSignIn(username, PASSWORD, newAddress(), null).status()).isEqualTo(429);
		assertThat(pageSignIn(username, PASSWORD, newAddress(), null).status()).isEqualTo(429);
		assertThat(apiSignIn(username, PASSWORD, newAddress(), apiDevice).status()).isEqualTo(200);
		assertThat(apiSignIn(username, PASSWORD, newAddress(), pageDevice).status()).isEqualTo(200);
		assertThat(pageSignIn(username, PASSWORD, newAddress(), pageDevice).header("Location")).doesNotContain("error");
	}

	@Test
	void aForgedDeviceCookieOrAnotherAccountsGivesNoExemption() {
		String victim = account();
		String other = account();
		String victimDevice = deviceCookie(apiSignIn(victim, PASSWORD, newAddress(), null));
		String otherDevice = deviceCookie(apiSignIn(other, PASSWORD, newAddress(), null));
		String[] parts = victimDevice.split("\\.");
		String otherDeviceId = parts[0] + ".AAAAAAAAAAAAAAAAAAAAAA." + parts[2];
		String unsigned = parts[0] + "." + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

		spendTheAccountsBudget(victim);

		for (String forged : new String[] { otherDevice, otherDeviceId, unsigned, "garbage" }) {
			assertThat(apiSignIn(victim, PASSWORD, newAddress(), forged).status()).as(forged).isEqualTo(429);
			assertThat(pageSignIn(victim, PASSWORD, newAddress(), forged).status()).as(forged).isEqualTo(429);
		}
		assertThat(apiSignIn(victim, PASSWORD, newAddress(), victimDevice).status()).isEqualTo(200);
	}

	@Test
	void wrongPasswordsFromAKnownDeviceSpendThatDevicesBudget() {
		String username = account();
		String device = deviceCookie(apiSignIn(username, PASSWORD, newAddress(), null));

		for (int i = 0; i < DEVICE_BUDGET; i++) {
			assertThat(apiSignIn(username, "wrong-" + i, newAddress(), device).status()).isEqualTo(401);
		}

		assertThat(apiSignIn(username, PASSWORD, newAddress(), device).status()).isEqualTo(429);
		assertThat(pageSignIn(username, PASSWORD, newAddress(), device).status()).isEqualTo(429);
		assertThat(apiSignIn(username, PASSWORD, newAddress(), null).status()).isEqualTo(200);
	}

	@Test
	void theDeviceCookieIsHostOnlyHttpOnlyStrictAndLongLived() {
		String username = account();
		String setCookie = apiSignIn(username, PASSWORD, newAddress(), null).raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(KnownDevices.COOKIE + "="))
			.findFirst()
			.orElseThrow();
		assertThat(setCookie).contains("Path=/", "Secure", "HttpOnly", "SameSite=Strict").doesNotContain("Domain");
		assertThat(HttpCookie.parse(setCookie).get(0).getMaxAge()).isEqualTo(180L * 24 * 3600);
	}

	/** Five wrong passwords from each of a dozen and more addresses, until refused. */
	private void spendTheAccountsBudget(String username) {
		int refused = 0;
		for (int i = 0; i < ACCOUNT_BUDGET / 5 + 2; i++) {
			String address = newAddress();
			for (int j = 0; j < 5; j++) {
				if (apiSignIn(username, "wrong-" + i + "-" + j, address, null).status() == 429) {
					refused++;
				}
			}
		}
		assertThat(refused).isPositive();
	}

	private String account() {
		String username = "device-" + IDS.incrementAndGet() + "-" + System.nanoTime();
		this.users.create(new NewUserAccount(username, PASSWORD, null, null, Set.of(), null));
		return username;
	}

	private Response apiSignIn(String username, String password, String address, String device) {
		return this.http.postJson("/api/session", Map.of("username", username, "password", password),
				headers(address, device));
	}

	private Response pageSignIn(String username, String password, String address, String device) {
		TestHttp browser = this.http.withCookies();
		Matcher csrf = CSRF.matcher(browser.get("/login", "Accept", "text/html").body());
		assertThat(csrf.find()).isTrue();
		String[] headers = headers(address, device);
		String[] all = new String[headers.length + 2];
		all[0] = "Accept";
		all[1] = "text/html";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return browser.postForm("/login", params("username", username, "password", password, "_csrf", csrf.group(1)),
				all);
	}

	private static String[] headers(String address, String device) {
		return (device != null)
				? new String[] { "X-Forwarded-For", address, "Cookie", KnownDevices.COOKIE + "=" + device }
				: new String[] { "X-Forwarded-For", address };
	}

	private static String deviceCookie(Response response) {
		assertThat(response.status()).isIn(200, 302);
		return response.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((cookie) -> HttpCookie.parse(cookie).get(0))
			.filter((cookie) -> cookie.getName().equals(KnownDevices.COOKIE))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	/** A fresh address from a documentation range for every client. */
	private static String newAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "198.51." + (n / 250) + "." + (1 + n % 250);
	}

}
