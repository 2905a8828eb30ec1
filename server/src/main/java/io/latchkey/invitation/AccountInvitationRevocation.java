package io.latchkey.invitation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.latchkey.identity.AccountWithdrawn;

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
	void on(AccountWithdrawn event) {
		this.jdbc.sql("UPDATE invitation SET revoked_at = ? WHERE subject = ? AND revoked_at IS NULL")
			.params(OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC), event.username())
			.update();
	}

}
