package io.latchkey.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;

/**
 * The device authorization grant (RFC 8628): ask for a code, show it, and poll the token
 * endpoint at the interval the server set, slower after {@code slow_down}, until the
 * person approves or denies or the code expires.
 */
final class DeviceSignIn {

	/** The interval when the server names none (section 3.2). */
	private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

	/** What {@code slow_down} adds to the interval, for this and later polls (3.5). */
	private static final Duration SLOW_DOWN = Duration.ofSeconds(5);

	private final OAuthClient client;

	DeviceSignIn(OAuthClient client) {
		this.client = client;
	}

	Tokens signIn(Scope scope, DeviceCodePrompt prompt) throws IOException {
		DeviceAuthorizationSuccessResponse authorization = authorize(scope);
		Instant expiresAt = this.client.clock().instant().plusSeconds(authorization.getLifetime());
		Duration interval = (authorization.getInterval() > 0) ? Duration.ofSeconds(authorization.getInterval())
				: DEFAULT_INTERVAL;
		prompt.show(new DeviceCodePrompt.DeviceCode(authorization.getUserCode().getValue(),
				authorization.getVerificationURI(), authorization.getVerificationURIComplete(), expiresAt));
		while (true) {
			pause(interval);
			if (!this.client.clock().instant().isBefore(expiresAt)) {
				throw new AuthorizationError("expired_token", "the code expired before the person approved");
			}
			try {
				return this.client.requestTokens(new DeviceCodeGrant(authorization.getDeviceCode()), null);
			}
			catch (AuthorizationError ex) {
				switch (ex.error()) {
					case "authorization_pending" -> {
					}
					case "slow_down" -> interval = interval.plus(SLOW_DOWN);
					default -> throw ex;
				}
			}
		}
	}

	private DeviceAuthorizationSuccessResponse authorize(Scope scope) throws IOException {
		URI endpoint = this.client.metadata().getDeviceAuthorizationEndpointURI();
		if (endpoint == null) {
			endpoint = URI
				.create(this.client.issuer().toString().replaceFirst("/$", "") + "/oauth2/device_authorization");
		}
		DeviceAuthorizationResponse response;
		try {
			response = DeviceAuthorizationResponse.parse(this.client.http()
				.send(new DeviceAuthorizationRequest(endpoint, new ClientID(this.client.clientId()), scope)
					.toHTTPRequest()));
		}
		catch (ParseException ex) {
			throw new IOException("the device authorization endpoint gave no usable answer");
		}
		if (!response.indicatesSuccess()) {
			DeviceAuthorizationErrorResponse error = response.toErrorResponse();
			throw new AuthorizationError(error.getErrorObject().getCode(), error.getErrorObject().getDescription());
		}
		return response.toSuccessResponse();
	}

	private void pause(Duration interval) throws IOException {
		try {
			this.client.sleeper().sleep(interval);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("device sign-in interrupted");
		}
	}

}
