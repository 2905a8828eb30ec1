package io.latchkey.device;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.latchkey.client.AuthorizationError;
import io.latchkey.client.DeviceCodePrompt.DeviceCode;
import io.latchkey.client.HttpRequest;
import io.latchkey.client.InMemoryTokenStore;
import io.latchkey.client.OAuthClient;
import io.latchkey.client.Tokens;
import io.latchkey.test.PersonAtBrowser;
import io.latchkey.test.ClientLibrarySupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client library's device flow against the running server, while a person approves or
 * denies in a browser.
 */
class DeviceClientLibraryTests extends ClientLibrarySupport {

	@Test
	void signsInWhenThePersonApprovesAndCallsWithTheTokens() throws Exception {
		DeviceClients.publicClient("library-device")
			.scopes("openid", "offline_access")
			.register(this.http, adminToken());
		DeviceClients.person(this.http, adminToken(), "library-person", "a long password for the library");
		PersonAtBrowser person = new PersonAtBrowser(this.http, "library-person", "a long password for the library");
		OAuthClient client = library("library-device").build();
		CompletableFuture<DeviceCode> shown = new CompletableFuture<>();

		CompletableFuture<Tokens> signIn = signInMeanwhile(client, "openid offline_access", shown);
		DeviceCode code = shown.get(20, TimeUnit.SECONDS);
		assertThat(code.verificationUri().toString()).isEqualTo(ISSUER + "/oauth2/device_verification");
		person.approve(person.enter(code.userCode()));

		Tokens tokens = signIn.get(60, TimeUnit.SECONDS);
		assertThat(tokens.refreshToken()).isNotNull();
		assertThat(client.authorizedHttp(new InMemoryTokenStore(tokens))
			.send(HttpRequest.get(java.net.URI.create(ISSUER + "/userinfo")))
			.status()).isEqualTo(200);
	}

	@Test
	void aDeniedSignInEndsWithAccessDenied() throws Exception {
		DeviceClients.publicClient("library-device-denied").register(this.http, adminToken());
		DeviceClients.person(this.http, adminToken(), "library-denier", "a long password for the library");
		PersonAtBrowser person = new PersonAtBrowser(this.http, "library-denier", "a long password for the library");
		OAuthClient client = library("library-device-denied").build();
		CompletableFuture<DeviceCode> shown = new CompletableFuture<>();

		CompletableFuture<Tokens> signIn = signInMeanwhile(client, "patient/*.rs", shown);
		person.deny(person.enter(shown.get(20, TimeUnit.SECONDS).userCode()));

		assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
			.isThrownBy(() -> signIn.get(60, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(AuthorizationError.class,
					(error) -> assertThat(error.error()).isEqualTo("access_denied"));
	}

	/**
	 * Starts the sign-in on another thread; the code it shows completes {@code shown}.
	 */
	private static CompletableFuture<Tokens> signInMeanwhile(OAuthClient client, String scope,
			CompletableFuture<DeviceCode> shown) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return client.signInWithDeviceCode(scope, shown::complete);
			}
			catch (java.io.IOException ex) {
				throw new CompletionException(ex);
			}
		});
	}

}
