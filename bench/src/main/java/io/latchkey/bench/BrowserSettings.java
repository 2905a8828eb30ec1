package io.latchkey.bench;

import java.net.URI;

/**
 * Who signs in, and for which public client, when a scenario needs an authorization code.
 *
 * @param clientId the public client that asks for the code
 * @param redirectUri its registered (loopback) redirect URI; nothing listens there
 * @param scope the scope to request
 * @param username the user who signs in
 * @param password that user's password
 */
record BrowserSettings(String clientId, URI redirectUri, String scope, String username, String password) {

	@Override
	public String toString() {
		return "BrowserSettings[clientId=" + this.clientId + ", redirectUri=" + this.redirectUri + ", scope="
				+ this.scope + ", username=" + this.username + "]";
	}

}
