package io.latchkey.client;

import java.io.IOException;
import java.net.URI;

/**
 * Opens the authorization page in the person's own browser, where their passwords and
 * sessions are, never in a web view the app controls (RFC 8252 section 8.12). On Android
 * an implementation starts a Custom Tab; tests plug in one that fills the login form.
 */
@FunctionalInterface
public interface SystemBrowser {

	void open(URI authorizationPage) throws IOException;

	/** The desktop's default browser ({@code java.awt.Desktop}), where there is one. */
	static SystemBrowser desktop() {
		return DesktopBrowser::open;
	}

}
