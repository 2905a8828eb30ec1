package io.latchkey.audit;

import io.latchkey.audit.AuditEntry.ActorType;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is acting in the current request, as the security context knows it.
 */
final class Actors {

	private Actors() {
	}

	/**
	 * The entry with the signed-in user or client as its actor; unchanged when nobody is.
	 */
	static AuditEntry signedIn(AuditEntry entry) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return entry;
		}
		if (authentication instanceof JwtAuthenticationToken jwt) {
			String subject = jwt.getToken().getSubject();
			boolean client = subject != null && subject.equals(jwt.getToken().getClaimAsString("client_id"));
			return entry.actor(client ? ActorType.CLIENT : ActorType.USER, subject);
		}
		return entry.actor(ActorType.USER, authentication.getName());
	}

}
