package io.latchkey.authorization;

import java.security.Principal;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * Narrows a person's grant to the scopes their roles allow (see {@link PrivilegedScopes})
 * at the token endpoint, the one place every grant of a person passes: codes from the
 * authorization endpoint with or without consent, codes minted for invitations, approved
 * device codes, and refreshes after a role was taken away. RFC 6749 §3.3 lets the server
 * issue less than was asked for; the token response's {@code scope} then says what was
 * granted.
 */
@Component
class PrivilegedScopeGuard {

	private static final OAuth2TokenType CODE = new OAuth2TokenType("code");

	private static final OAuth2TokenType DEVICE_CODE = new OAuth2TokenType("device_code");

	private final OAuth2AuthorizationService authorizations;

	private final GrantableScopes grantableScopes;

	PrivilegedScopeGuard(OAuth2AuthorizationService authorizations, GrantableScopes grantableScopes) {
		this.authorizations = authorizations;
		this.grantableScopes = grantableScopes;
	}

	/**
	 * Puts the check in front of a provider of the code, device code or refresh-token
	 * grant, whether or not another rule already wraps it.
	 */
	AuthenticationProvider guard(AuthenticationProvider provider) {
		boolean personal = provider.supports(OAuth2AuthorizationCodeAuthenticationToken.class)
				|| provider.supports(OAuth2DeviceCodeAuthenticationToken.class)
				|| provider.supports(OAuth2RefreshTokenAuthenticationToken.class);
		return personal ? new Guarded(provider) : provider;
	}

	private Authentication narrow(Authentication grant) {
		if (grant instanceof OAuth2AuthorizationCodeAuthenticationToken code) {
			narrowStored(this.authorizations.findByToken(code.getCode(), CODE), client(code.getPrincipal()));
		}
		else if (grant instanceof OAuth2DeviceCodeAuthenticationToken device) {
			narrowStored(this.authorizations.findByToken(device.getDeviceCode(), DEVICE_CODE),
					client(device.getPrincipal()));
		}
		else if (grant instanceof OAuth2RefreshTokenAuthenticationToken refresh) {
			return narrowRequest(refresh);
		}
		return grant;
	}

	/**
	 * The library issues a code or device grant's tokens for the authorization's
	 * authorized scopes, so those are narrowed where they are stored.
	 */
	private void narrowStored(@Nullable OAuth2Authorization authorization, @Nullable RegisteredClient client) {
		if (authorization == null || !holdsPrivilegedScopes(authorization, client)) {
			return;
		}
		Set<String> grantable = grantable(authorization);
		if (!grantable.equals(authorization.getAuthorizedScopes())) {
			this.authorizations.save(OAuth2Authorization.from(authorization).authorizedScopes(grantable).build());
		}
	}

	/**
	 * A refresh asks for the narrower scopes itself, as a client may (RFC 6749 §6), so
	 * the authorization stays as it is.
	 */
	private Authentication narrowRequest(OAuth2RefreshTokenAuthenticationToken refresh) {
		OAuth2Authorization authorization = this.authorizations.findByToken(refresh.getRefreshToken(),
				OAuth2TokenType.REFRESH_TOKEN);
		if (authorization == null || !holdsPrivilegedScopes(authorization, client(refresh.getPrincipal()))) {
			return refresh;
		}
		Set<String> withheld = new HashSet<>(authorization.getAuthorizedScopes());
		withheld.removeAll(grantable(authorization));
		Set<String> asked = refresh.getScopes().isEmpty() ? authorization.getAuthorizedScopes() : refresh.getScopes();
		if (Collections.disjoint(asked, withheld)) {
			return refresh;
		}
		Set<String> narrowed = new HashSet<>(asked);
		narrowed.removeAll(withheld);
		if (narrowed.isEmpty()) {
			// An empty request would mean "everything authorized" to the library.
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The person may no longer be granted these scopes", null));
		}
		OAuth2RefreshTokenAuthenticationToken narrowedRequest = new OAuth2RefreshTokenAuthenticationToken(
				refresh.getRefreshToken(), (Authentication) refresh.getPrincipal(), narrowed,
				refresh.getAdditionalParameters());
		narrowedRequest.setDetails(refresh.getDetails());
		return narrowedRequest;
	}

	private Set<String> grantable(OAuth2Authorization authorization) {
		return this.grantableScopes.of(authorization.getAuthorizedScopes(), authorization.getPrincipalName(),
				authorization.getAttribute(Principal.class.getName()));
	}

	/**
	 * Whether the authorization is a person's grant to this client that holds a scope
	 * needing a role.
	 */
	private static boolean holdsPrivilegedScopes(OAuth2Authorization authorization, @Nullable RegisteredClient client) {
		return PrivilegedScopes.anyIn(authorization.getAuthorizedScopes()) && client != null
				&& client.getId().equals(authorization.getRegisteredClientId())
				&& !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType());
	}

	private static @Nullable RegisteredClient client(Object principal) {
		return (principal instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated())
				? client.getRegisteredClient() : null;
	}

	/** Narrows, then lets the wrapped provider handle the grant. */
	private final class Guarded implements AuthenticationProvider {

		private final AuthenticationProvider delegate;

		Guarded(AuthenticationProvider delegate) {
			this.delegate = delegate;
		}

		@Override
		public @Nullable Authentication authenticate(Authentication authentication) {
			return this.delegate.authenticate(narrow(authentication));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return this.delegate.supports(authentication);
		}

	}

}
