package io.latchkey.identity;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Signs people in with their local account, named by its id; roles become {@code ROLE_*}
 * authorities.
 */
class LocalAccountUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;

	LocalAccountUserDetailsService(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.accounts.findByUsername(username)
			.filter((candidate) -> candidate.passwordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("No local account with a password"));
		return new LocalAccountUser(account,
				account.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
	}

}
