package io.latchkey.authorization;

import java.util.Set;
import java.util.UUID;

import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.test.ServerTestSupport;
import io.latchkey.test.TestHttp;
import io.latchkey.test.TestHttp.Response;

import static io.latchkey.test.TestHttp.basic;
import static io.latchkey.test.TestHttp.params;

/**
 * Small steps the authorization tests share: a fresh person to sign in as, and asking the
 * introspection endpoint (RFC 7662) whether a token is active.
 */
final class TokenChecks {

	static final String PASSWORD = "correct horse battery staple";

	private TokenChecks() {
	}

	static String newPerson(UserAccounts accounts) {
		String username = "person-" + UUID.randomUUID();
		accounts.create(new NewUserAccount(username, PASSWORD, null, null, Set.of(), null));
		return username;
	}

	/**
	 * The {@code sub} of a local account's tokens: its id, never its reusable username.
	 */
	static String subjectOf(UserAccounts accounts, String username) {
		return accounts.findByUsername(username).orElseThrow().id().toString();
	}

	static boolean isActive(TestHttp http, String token) {
		Response response = http.postForm("/oauth2/introspect", params("token", token), "Authorization",
				basic("latchkey-admin", ServerTestSupport.ADMIN_CLIENT_SECRET));
		if (response.status() != 200) {
			throw new IllegalStateException("introspection failed: " + response);
		}
		return response.json().get("active").asBoolean();
	}

	static String error(Response response) {
		return response.json().get("error").asString();
	}

}
