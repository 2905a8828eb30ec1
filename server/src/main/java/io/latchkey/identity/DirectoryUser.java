package io.latchkey.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person signed in through the directory: named by the entry's stable id, because
 * Spring Authorization Server uses the principal's name as the tokens' {@code sub} and a
 * DN or login name may be renamed or reused.
 */
final class DirectoryUser extends User {

	private static final long serialVersionUID = 1L;

	private final String loginName;

	private final String directory;

	DirectoryUser(String stableId, String loginName, String directory,
			Collection<? extends GrantedAuthority> authorities) {
		super(stableId, "", authorities);
		this.loginName = loginName;
		this.directory = directory;
	}

	String loginName() {
		return this.loginName;
	}

	String directory() {
		return this.directory;
	}

}
