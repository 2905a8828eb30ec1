package io.latchkey.identity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import io.latchkey.shared.Secrets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for the login page and the session API: takes the attempt from the
 * {@link SignInLimits} budgets, asks local accounts and the directory in the configured
 * order, and records every outcome with the source used. A directory outage does not stop
 * local accounts; a wrong local password is answered as one even while the directory is
 * down, and only a name no local account has gets "unavailable".
 */
public class PasswordSignIn implements AuthenticationProvider {

	private static final Log logger = LogFactory.getLog(PasswordSignIn.class);

	private static final String UNKNOWN_ADDRESS = "unknown";

	private final List<Source> sources;

	private final SignInLimits limits;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PasswordSignIn(List<Source> sources, SignInLimits limits, ApplicationEventPublisher events, Clock clock) {
		this.sources = List.copyOf(sources);
		this.limits = limits;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Signs in with a login name and password from a client address; the result names the
	 * person by their stable id.
	 * @param deviceCookie the {@link KnownDevices} cookie the request carries, if any
	 * @throws SignInThrottledException when a budget of attempts is spent
	 */
	public Authentication signIn(String username, String password, String address, @Nullable String deviceCookie) {
		UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		request.setDetails(new SignInDetails(address, deviceCookie));
		return authenticate(request);
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String address = (request.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : UNKNOWN_ADDRESS;
		String deviceCookie = (request.getDetails() instanceof SignInDetails details) ? details.deviceCookie() : null;
		SignInLimits.Attempt attempt = this.limits.admit(request.getName(), address, deviceCookie);
		Authentication result = check(request);
		this.limits.succeeded(attempt);
		if (result instanceof AbstractAuthenticationToken token
				&& token.getDetails() instanceof SignInDetails details) {
			// The signed-in person is kept in the session and the authorization store,
			// and the device cookie must not be kept with it.
			token.setDetails(details.withoutDeviceCookie());
		}
		return result;
	}

	private Authentication check(Authentication request) {
		DirectoryUnavailableException unavailable = null;
		AuthenticationException refusal = null;
		for (Source source : this.sources) {
			try {
				Authentication result = source.provider().authenticate(request);
				if (result != null) {
					if (result instanceof CredentialsContainer container) {
						container.eraseCredentials();
					}
					SignedInPerson person = SignedInPerson.of(result);
					this.events.publishEvent(new StaffSignedIn(person.subject(), person.username(), source.name(),
							this.clock.instant()));
					return result;
				}
			}
			catch (AccountStatusException ex) {
				refusal = ex;
				break;
			}
			catch (AuthenticationServiceException | org.springframework.ldap.NamingException ex) {
				if (!source.directory()) {
					throw ex;
				}
				logger.warn("Directory " + source.name() + " unavailable: " + ex.getClass().getSimpleName());
				this.events.publishEvent(
						new DirectoryUnavailable(source.name(), ex.getClass().getName(), this.clock.instant()));
				unavailable = new DirectoryUnavailableException(source.name(), ex);
			}
			catch (AuthenticationException ex) {
				refusal = (refusal instanceof NotInMappedGroupException) ? refusal : ex;
			}
		}
		// Only a name that no local account has may depend on the directory; a wrong
		// local password is a wrong password whatever state the directory is in.
		boolean refusedByAnAccount = refusal != null && !(refusal instanceof UsernameNotFoundException);
		AuthenticationException failure = (unavailable != null && !refusedByAnAccount) ? unavailable : refusal;
		if (failure instanceof UsernameNotFoundException) {
			failure = new BadCredentialsException("Bad credentials");
		}
		this.events.publishEvent(new StaffSignInFailed(usernameHash(request.getName()),
				this.sources.stream().map(Source::name).toList(), reason(failure), this.clock.instant()));
		throw (failure != null) ? failure : new AuthenticationServiceException("No account source is configured");
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String usernameHash(String username) {
		return Secrets.sha256Hex(username.trim().toLowerCase(Locale.ROOT));
	}

	private static String reason(AuthenticationException failure) {
		if (failure instanceof DirectoryUnavailableException) {
			return "directory-unavailable";
		}
		if (failure instanceof NotInMappedGroupException) {
			return "no-mapped-group";
		}
		if (failure instanceof DisabledException) {
			return "disabled";
		}
		if (failure instanceof LockedException) {
			return "locked";
		}
		return "bad-credentials";
	}

	/**
	 * One place accounts come from.
	 *
	 * @param name {@code local} or the directory's name
	 * @param directory whether this is a directory (whose outages are reported as such)
	 * @param provider what checks the password
	 */
	record Source(String name, boolean directory, AuthenticationProvider provider) {

	}

}
