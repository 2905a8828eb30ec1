package io.latchkey.session;

import io.latchkey.identity.AccountWithdrawn;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an account is deleted or disabled, ends every first-party session of the person in
 * the same transaction: session tokens through a cutoff every node reads, browser
 * sessions (Spring Session, keyed by the principal's name) by deleting them.
 */
@Component
class AccountSessionRevocation {

	private final RevokedSessions revoked;

	private final JdbcClient jdbc;

	AccountSessionRevocation(RevokedSessions revoked, JdbcClient jdbc) {
		this.revoked = revoked;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(AccountWithdrawn event) {
		this.revoked.revokeAllOf(event.subject(), event.at());
		this.jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(event.subject()).update();
	}

}
