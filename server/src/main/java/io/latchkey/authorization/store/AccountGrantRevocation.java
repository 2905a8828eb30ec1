package io.latchkey.authorization.store;

import io.latchkey.identity.AccountWithdrawn;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an account is deleted or disabled, removes every authorization of the person
 * (codes, device codes, access and refresh tokens) and every consent they remembered, in
 * the transaction that deleted or disabled it, so the database never holds an account
 * change without its revocation. A listener rather than a call keeps {@code identity}
 * free of this module.
 */
@Component
class AccountGrantRevocation {

	private final JdbcClient jdbc;

	AccountGrantRevocation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(AccountWithdrawn event) {
		String subject = event.subject();
		HashedTokenAuthorizationService.FOUND.forget();
		this.jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?").param(subject).update();
		this.jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE principal_name = ?").param(subject).update();
	}

}
