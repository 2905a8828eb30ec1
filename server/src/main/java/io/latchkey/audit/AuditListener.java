package io.latchkey.audit;

import java.time.Instant;
import java.util.Map;

import io.latchkey.audit.AuditEntry.ActorType;
import io.latchkey.audit.AuditEntry.Outcome;
import io.latchkey.authorization.ClientDeleted;
import io.latchkey.authorization.ClientRegistered;
import io.latchkey.authorization.RefreshTokenReuseDetected;
import io.latchkey.authorization.SigningKeyRotated;
import io.latchkey.authorization.TokenRevoked;
import io.latchkey.authorization.TokensIssued;
import io.latchkey.identity.UserCreated;
import io.latchkey.identity.UserDeleted;
import io.latchkey.identity.UserDisabled;
import io.latchkey.identity.UserEnabled;
import io.latchkey.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records the security events other modules publish. Events published inside a
 * transaction are recorded once it commits, so the log holds only facts that happened;
 * Spring Security's authentication events come outside any transaction.
 */
@Component
class AuditListener {

	private final AuditLog log;

	private final ClientAddress clientAddress;

	AuditListener(AuditLog log, AuditSettings settings) {
		this.log = log;
		this.clientAddress = new ClientAddress(settings.trustedProxies());
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken login) {
			record(AuditEntry.of("login", Outcome.SUCCESS, Instant.ofEpochMilli(event.getTimestamp()))
				.actor(ActorType.USER, login.getName())
				.subject(login.getName()));
		}
	}

	/** Only the exception's type is kept: messages may quote what was typed. */
	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		Instant at = Instant.ofEpochMilli(event.getTimestamp());
		if (attempt instanceof UsernamePasswordAuthenticationToken) {
			record(AuditEntry.of("login", Outcome.FAILURE, at)
				.actor(ActorType.USER, attempt.getName())
				.subject(attempt.getName())
				.detail(Map.of("reason", event.getException().getClass().getSimpleName())));
		}
		else if (attempt instanceof OAuth2ClientAuthenticationToken client) {
			String error = (event.getException() instanceof OAuth2AuthenticationException oauth)
					? oauth.getError().getErrorCode() : event.getException().getClass().getSimpleName();
			record(AuditEntry.of("client.authentication", Outcome.FAILURE, at)
				.actor(ActorType.CLIENT, client.getName())
				.subject(client.getName())
				.detail(Map.of("error", error, "method", client.getClientAuthenticationMethod().getValue())));
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TokensIssued event) {
		String type = "refresh_token".equals(event.grantType()) ? "token.refreshed" : "token.issued";
		record(AuditEntry.of(type, Outcome.SUCCESS, event.at())
			.actor(ActorType.CLIENT, event.clientId())
			.subject(event.subject())
			.detail(Map.of("grant_type", String.valueOf(event.grantType()))));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TokenRevoked event) {
		record(AuditEntry.of("token.revoked", Outcome.SUCCESS, event.at())
			.actor(ActorType.CLIENT, event.clientId())
			.subject(event.clientId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(RefreshTokenReuseDetected event) {
		record(AuditEntry.of("token.reuse_detected", Outcome.FAILURE, event.at())
			.actor(ActorType.CLIENT, event.clientId())
			.subject(event.principalName())
			.detail(Map.of("authorization_id", event.authorizationId(), "action", "family_revoked")));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ClientRegistered event) {
		record(AuditEntry.of("client.created", Outcome.SUCCESS, event.at()).subject(event.clientId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ClientDeleted event) {
		record(AuditEntry.of("client.deleted", Outcome.SUCCESS, event.at()).subject(event.clientId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(UserCreated event) {
		record(AuditEntry.of("user.created", Outcome.SUCCESS, event.at())
			.subject(event.username())
			.detail(Map.of("user_id", event.id())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(UserDeleted event) {
		record(AuditEntry.of("user.deleted", Outcome.SUCCESS, event.at())
			.subject(event.username())
			.detail(Map.of("user_id", event.id())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(UserDisabled event) {
		record(AuditEntry.of("user.disabled", Outcome.SUCCESS, event.at())
			.subject(event.username())
			.detail(Map.of("user_id", event.id(), "action", "grants_and_sessions_revoked")));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(UserEnabled event) {
		record(AuditEntry.of("user.enabled", Outcome.SUCCESS, event.at())
			.subject(event.username())
			.detail(Map.of("user_id", event.id())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SigningKeyRotated event) {
		record(AuditEntry.of("key.rotated", Outcome.SUCCESS, event.at())
			.subject(event.kid())
			.detail(Map.of("algorithm", event.algorithm(), "kid", event.kid())));
	}

	/**
	 * Adds where the event came from: the request being served, if any, and for events
	 * without an actor of their own, whoever is signed in (an admin, or nobody: the
	 * system).
	 */
	private void record(AuditEntry entry) {
		AuditEntry located = entry;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			located = located.from(this.clientAddress.of(request), request.getHeader(HttpHeaders.USER_AGENT));
		}
		if (located.actorType() == ActorType.SYSTEM) {
			located = Actors.signedIn(located);
		}
		this.log.append(located);
	}

}
