package io.latchkey.client;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;

/**
 * Opens pages with {@code java.awt.Desktop}; a class of its own so that platforms without
 * AWT (Android) never load it.
 */
final class DesktopBrowser {

	private DesktopBrowser() {
	}

	static void open(URI page) throws IOException {
		if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
			throw new IOException("no desktop browser here; open " + page + " in a browser");
		}
		Desktop.getDesktop().browse(page);
	}

}
