package io.latchkey.invitation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.latchkey.identity.UserDeleted;
import io.latchkey.identity.UserDisabled;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an account is deleted or disabled, revokes the person's invitations, redeemed ones
 * included so that no retry mints another code, in the same transaction. Invitations name
 * their person by username, which a new account may take once this one is deleted.
 */
@Component
class AccountInvitationRevocation {

	private final JdbcClient jdbc;

	AccountInvitationRevocation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(UserDeleted event) {
		revokeInvitationsOf(event.username(), event.at());
	}

	@EventListener
	void on(UserDisabled event) {
		revokeInvitationsOf(event.username(), event.at());
	}

	private void revokeInvitationsOf(String username, Instant at) {
		this.jdbc.sql("UPDATE invitation SET revoked_at = ? WHERE subject = ? AND revoked_at IS NULL")
			.params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), username)
			.update();
	}

}
