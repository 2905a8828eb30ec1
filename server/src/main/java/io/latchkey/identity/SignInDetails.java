package io.latchkey.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a sign-in attempt knows about where it comes from: the client address, the
 * session, and the {@link KnownDevices} cookie it presents.
 */
public class SignInDetails extends WebAuthenticationDetails {

	private final transient @Nullable String deviceCookie;

	/** The details of a login page request. */
	public SignInDetails(HttpServletRequest request) {
		super(request);
		this.deviceCookie = KnownDevices.presented(request);
	}

	SignInDetails(String address, @Nullable String deviceCookie) {
		super(address, null);
		this.deviceCookie = deviceCookie;
	}

	/** The address and session alone, as plain {@link WebAuthenticationDetails}. */
	WebAuthenticationDetails withoutDeviceCookie() {
		return new WebAuthenticationDetails(getRemoteAddress(), getSessionId());
	}

	public @Nullable String deviceCookie() {
		return this.deviceCookie;
	}

}
