package io.latchkey.identity;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.ldap.LdapName;

import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.ldap.userdetails.LdapAuthoritiesPopulator;

/**
 * Active Directory groups including groups of groups, by DN: starts from the user's
 * {@code memberOf} and follows each group's own {@code memberOf}, read with the bind
 * account.
 */
final class NestedGroupsPopulator implements LdapAuthoritiesPopulator {

	/** Deep enough for real group trees; a bound against cycles and runaway lookups. */
	private static final int MAX_GROUPS = 500;

	private final LdapContextSource source;

	NestedGroupsPopulator(DirectorySettings settings, Map<String, Object> environment) {
		this.source = new LdapContextSource();
		this.source.setUrls(settings.urls().toArray(String[]::new));
		if (settings.bindDn() != null) {
			this.source.setUserDn(settings.bindDn());
			this.source.setPassword((settings.bindPassword() != null) ? settings.bindPassword() : "");
		}
		this.source.setBaseEnvironmentProperties(environment);
		this.source.setPooled(true);
		this.source.afterPropertiesSet();
	}

	@Override
	public Collection<? extends GrantedAuthority> getGrantedAuthorities(DirContextOperations user, String username) {
		Deque<String> pending = new ArrayDeque<>();
		String[] direct = user.getStringAttributes("memberOf");
		if (direct != null) {
			pending.addAll(Set.of(direct));
		}
		Set<String> seen = new HashSet<>();
		Set<GrantedAuthority> groups = new LinkedHashSet<>();
		DirContext context = this.source.getReadOnlyContext();
		try {
			while (!pending.isEmpty() && seen.size() < MAX_GROUPS) {
				String dn = pending.pop();
				if (!seen.add(dn.toLowerCase(java.util.Locale.ROOT))) {
					continue;
				}
				groups.add(new SimpleGrantedAuthority(dn));
				pending.addAll(parents(context, dn));
			}
		}
		finally {
			LdapUtils.closeContext(context);
		}
		return groups;
	}

	private static Set<String> parents(DirContext context, String dn) {
		Set<String> parents = new LinkedHashSet<>();
		try {
			Attribute memberOf = context.getAttributes(new LdapName(dn), new String[] { "memberOf" }).get("memberOf");
			if (memberOf != null) {
				NamingEnumeration<?> values = memberOf.getAll();
				while (values.hasMore()) {
					parents.add(values.next().toString());
				}
			}
		}
		catch (NamingException ex) {
			throw LdapUtils.convertLdapException(ex);
		}
		return parents;
	}

}
