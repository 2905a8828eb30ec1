package io.latchkey.authorization;

import io.latchkey.abuse.RateLimiter;
import io.latchkey.abuse.RateLimiter.Attempt;
import io.latchkey.abuse.RateLimiter.Decision;
import io.latchkey.shared.ClientAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Limits online guessing of client secrets ({@code client_secret_basic} and
 * {@code client_secret_post}) around the library's provider. Each attempt for a
 * registered client takes a token per client and address ({@value #CLIENT_AT_ADDRESS})
 * and per client ({@value #CLIENT}) before the secret is checked, so parallel guesses get
 * exactly the budget; a right secret gives both back, so a busy client is not limited by
 * its own successes (and, on PostgreSQL, costs no statement while its keys have never
 * failed: see the limiter's attempts). Unknown client ids get no bucket: they have no
 * secret to guess.
 */
final class ClientSecretGuard implements AuthenticationProvider {

	static final String CLIENT_AT_ADDRESS = "client-secret-ip";

	static final String CLIENT = "client-secret";

	private final AuthenticationProvider delegate;

	private final RegisteredClientRepository clients;

	private final RateLimiter limiter;

	ClientSecretGuard(AuthenticationProvider delegate, RegisteredClientRepository clients, RateLimiter limiter) {
		this.delegate = delegate;
		this.clients = clients;
		this.limiter = limiter;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
		if (!usesSecret(request) || this.clients.findByClientId(request.getPrincipal().toString()) == null) {
			return this.delegate.authenticate(authentication);
		}
		String client = request.getPrincipal().toString();
		String address = (request.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
		String clientAtAddress = client + " " + ClientAddress.limitKey(address);
		Attempt atAddress = this.limiter.attempt(CLIENT_AT_ADDRESS, clientAtAddress);
		refuseUnless(atAddress.decision());
		Attempt forClient = this.limiter.attempt(CLIENT, client);
		if (!forClient.allowed()) {
			atAddress.failed();
			refuseUnless(forClient.decision());
		}
		Authentication result = null;
		try {
			result = this.delegate.authenticate(authentication);
		}
		finally {
			if (result != null) {
				atAddress.succeeded();
				forClient.succeeded();
			}
			else {
				atAddress.failed();
				forClient.failed();
			}
		}
		return result;
	}

	private static boolean usesSecret(OAuth2ClientAuthenticationToken request) {
		return ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(request.getClientAuthenticationMethod())
				|| ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(request.getClientAuthenticationMethod());
	}

	private static void refuseUnless(Decision decision) {
		if (!decision.allowed()) {
			throw new ClientAuthenticationThrottledException(decision.retryAfter());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
