package io.latchkey.audit;

import java.time.Instant;
import java.util.Map;

import io.latchkey.audit.AuditEntry.ActorType;
import io.latchkey.audit.AuditEntry.Outcome;
import io.latchkey.shared.SecurityEvent;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records the security events other modules publish, in the publisher's transaction when
 * there is one, so a record and the change it describes commit together; Spring
 * Security's authentication events come outside any transaction and are recorded at once.
 */
@Component
class AuditListener {

	private final AuditLog log;

	AuditListener(AuditLog log) {
		this.log = log;
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
		if (event instanceof AuthenticationFailureProviderNotFoundEvent) {
			// The parent manager reports again, as "no provider", an attempt that the
			// client's provider has already refused and reported.
			return;
		}
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

	/**
	 * Every feature's security event, recorded in the transaction that publishes it: the
	 * record commits with the change it describes or not at all.
	 */
	@EventListener
	void on(SecurityEvent event) {
		AuditEntry entry = AuditEntry
			.of(event.auditType(), event.auditFailure() ? Outcome.FAILURE : Outcome.SUCCESS, event.at())
			.subject(event.subject())
			.detail(event.auditDetail());
		SecurityEvent.Actor actor = event.auditActor();
		if (actor != null) {
			entry = entry.actor(actor.client() ? ActorType.CLIENT : ActorType.USER, actor.name());
		}
		if (event.address() != null || event.userAgent() != null) {
			entry = entry.from(event.address(), event.userAgent());
		}
		record(entry);
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
			located = located.from((located.clientIp() != null) ? located.clientIp() : request.getRemoteAddr(),
					(located.userAgent() != null) ? located.userAgent() : request.getHeader(HttpHeaders.USER_AGENT));
		}
		if (located.actorType() == ActorType.SYSTEM) {
			located = Actors.signedIn(located);
		}
		this.log.append(located);
	}

}
