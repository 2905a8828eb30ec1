package io.latchkey.shared;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event a feature publishes that the audit log must record. The event describes
 * itself, so the audit module depends on no feature and a new event cannot be forgotten:
 * a test fails for any published event that is not one.
 * <p>
 * Nothing returned here may carry a secret (password, code, token, link secret, factor).
 */
public interface SecurityEvent {

	/** The audit record's type, e.g. {@code invitation.redeemed}. */
	String auditType();

	/** When it happened. */
	Instant at();

	/** Whom or what the event is about: an account, a client, an invitation. */
	@Nullable String subject();

	/** Whether the event records a refusal or an attack rather than a change. */
	default boolean auditFailure() {
		return false;
	}

	/** Who acted; none means whoever is signed in on this request, or the system. */
	default @Nullable Actor auditActor() {
		return null;
	}

	/** A small map of non-secret facts; values are shortened when recorded. */
	default Map<String, ?> auditDetail() {
		return Map.of();
	}

	/** The client's address when the event knows it better than the current request. */
	default @Nullable String address() {
		return null;
	}

	/**
	 * The client's user agent when the event knows it better than the current request.
	 */
	default @Nullable String userAgent() {
		return null;
	}

	/**
	 * Who acted.
	 *
	 * @param client whether a client (rather than a person) acted
	 * @param name the person's stable name or the client's id
	 */
	record Actor(boolean client, String name) {

		public static Actor user(String name) {
			return new Actor(false, name);
		}

		public static Actor client(String clientId) {
			return new Actor(true, clientId);
		}

	}

}
