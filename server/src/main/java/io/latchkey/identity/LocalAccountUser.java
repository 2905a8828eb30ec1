package io.latchkey.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person signed in with a local account: named by the account's id, because Spring
 * Authorization Server uses the principal's name as the tokens' {@code sub} and grants
 * are keyed by it, while a username may be given to someone else once the account is
 * deleted.
 */
final class LocalAccountUser extends User {

	private static final long serialVersionUID = 1L;

	private final String loginName;

	LocalAccountUser(UserAccount account, Collection<? extends GrantedAuthority> authorities) {
		super(account.id().toString(), (account.passwordHash() != null) ? account.passwordHash() : "",
				account.enabled(), true, true, true, authorities);
		this.loginName = account.username();
	}

	String loginName() {
		return this.loginName;
	}

}
