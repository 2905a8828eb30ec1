package io.latchkey.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.latchkey.abuse.RateLimitExceededException;
import io.latchkey.identity.CurrentAccounts;
import io.latchkey.identity.CurrentPerson;
import io.latchkey.identity.KnownDevices;
import io.latchkey.identity.PasswordSignIn;
import io.latchkey.identity.SignInThrottledException;
import io.latchkey.identity.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/session}: sign in with a password for a session token and its fingerprint
 * cookie, renew the token while the session lasts, and end the session.
 */
@RestController
@RequestMapping("/api/session")
class SessionController {

	private final PasswordSignIn signIn;

	private final SessionTokens tokens;

	private final RevokedSessions revoked;

	private final CurrentAccounts accounts;

	private final KnownDevices devices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SessionController(PasswordSignIn signIn, SessionTokens tokens, RevokedSessions revoked, CurrentAccounts accounts,
			KnownDevices devices, ApplicationEventPublisher events, Clock clock) {
		this.signIn = signIn;
		this.devices = devices;
		this.tokens = tokens;
		this.revoked = revoked;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@PostMapping(consumes = "application/json")
	ResponseEntity<Map<String, Object>> start(@Valid @RequestBody SignInRequest body, HttpServletRequest request) {
		// The same budgets as the login page, so guesses through either door
		// count together.
		Authentication authentication;
		try {
			authentication = this.signIn.signIn(body.username(), body.password(), request.getRemoteAddr(),
					KnownDevices.presented(request));
		}
		catch (SignInThrottledException ex) {
			throw new RateLimitExceededException("sign-in", ex.getRetryAfter());
		}
		catch (AuthenticationException ex) {
			throw SessionRefusedException.of(ex);
		}
		SignedInPerson person = SignedInPerson.of(authentication);
		String fingerprint = FingerprintCookie.newValue();
		SessionTokens.Issued issued = this.tokens.issue(person, FingerprintCookie.context(fingerprint));
		this.events
			.publishEvent(new SessionStarted(person.subject(), person.directory(), issued.id(), this.clock.instant()));
		return tokenResponse(issued, FingerprintCookie.set(fingerprint),
				this.devices.afterSignIn(body.username(), person.subject(), KnownDevices.presented(request)));
	}

	/**
	 * The next token of a session, with the person's roles as their account has them now;
	 * a person who was deleted, disabled or dropped from the directory's mapped groups
	 * gets none.
	 */
	@PostMapping("/renewal")
	ResponseEntity<Map<String, Object>> renew(@AuthenticationPrincipal Jwt current) {
		if (!this.tokens.renewable(current)) {
			throw SessionRefusedException.expired("The session has reached its maximum lifetime; sign in again");
		}
		CurrentPerson person = currentPerson(current).orElseThrow(() -> {
			revoke(current);
			return SessionRefusedException.expired("The account of this session no longer exists or is disabled");
		});
		SessionTokens.Issued issued = this.tokens.renew(current, person.roles());
		revoke(current);
		return tokenResponse(issued);
	}

	@DeleteMapping
	ResponseEntity<Void> end(@AuthenticationPrincipal Jwt current) {
		revoke(current);
		this.events.publishEvent(new SessionEnded(current.getSubject(), current.getId(), this.clock.instant()));
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, FingerprintCookie.clear()).build();
	}

	private Optional<CurrentPerson> currentPerson(Jwt token) {
		try {
			return this.accounts.find(token.getSubject());
		}
		catch (AuthenticationException ex) {
			throw SessionRefusedException.of(ex);
		}
	}

	private void revoke(Jwt token) {
		Instant expiresAt = (token.getExpiresAt() != null) ? token.getExpiresAt() : this.clock.instant();
		this.revoked.revoke(token.getId(), expiresAt);
	}

	private static ResponseEntity<Map<String, Object>> tokenResponse(SessionTokens.Issued issued, String... cookies) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
		if (cookies.length > 0) {
			response.header(HttpHeaders.SET_COOKIE, cookies);
		}
		return response.body(Map.of("token", issued.token(), "token_type", "Bearer", "expires_in", issued.expiresIn()));
	}

	/**
	 * The sign-in body.
	 */
	record SignInRequest(@NotBlank @Nullable String username, @NotNull @Nullable String password) {

		@Override
		public String toString() {
			return "SignInRequest[username=" + this.username + "]";
		}

	}

}
