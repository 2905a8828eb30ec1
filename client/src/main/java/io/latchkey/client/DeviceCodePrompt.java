package io.latchkey.client;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Shows the person where to approve a device sign-in: the code to type and the page, or
 * the page with the code in it (as text or a QR code).
 */
@FunctionalInterface
public interface DeviceCodePrompt {

	void show(DeviceCode code);

	/**
	 * What the person needs to approve a device sign-in (RFC 8628 section 3.2).
	 *
	 * @param userCode the code to type
	 * @param verificationUri the page to type it on
	 * @param verificationUriComplete the page with the code filled in, if offered
	 * @param expiresAt when the code stops working
	 */
	record DeviceCode(String userCode, URI verificationUri, @Nullable URI verificationUriComplete, Instant expiresAt) {

	}

}
