package io.latchkey.identity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where staff accounts live: an LDAP directory or Active Directory, e.g.
 * {@code latchkey.ldap.urls=ldaps://ldap1.example.org,ldaps://ldap2.example.org}.
 *
 * @param enabled whether directory accounts may sign in at all
 * @param mode {@code ldap} (search, then bind as the found DN) or
 * {@code active-directory} (Spring Security's Active Directory provider)
 * @param name how the directory is named in audit records
 * @param urls server URLs, tried in this order (failover); all share {@link #baseDn}
 * @param baseDn the root of the directory tree; search bases are relative to it
 * @param bindDn the account that searches for users (LDAP mode)
 * @param bindPassword that account's password
 * @param userSearchBase where to search for users, relative to the base DN
 * @param userSearchFilter the user filter, {@code {0}} being the login name (in Active
 * Directory mode {@code {0}} is {@code user@domain} and {@code {1}} the name as typed)
 * @param groupSearchBase where groups live, relative to the base DN: only groups directly
 * under it map to roles (LDAP mode also searches for groups there)
 * @param groupSearchFilter the group filter, {@code {0}} being the user's full DN
 * @param groupNameAttribute the naming attribute of group entries ({@code cn}): group
 * {@code <attribute>=<name>,<group base>} is looked up in {@link #groupRoles} by name
 * @param groupRoles group name to Latchkey role ({@code admin}, {@code staff} or any
 * other)
 * @param uuidAttribute the attribute that names a person for good ({@code entryUUID},
 * {@code objectGUID}); it becomes the {@code sub} of tokens
 * @param domain the Active Directory domain appended to names without one
 * @param nestedGroups whether Active Directory groups of groups count (followed through
 * the groups' own {@code memberOf})
 * @param order whether the directory is asked before or after local accounts
 * @param connectTimeout how long to wait for a connection to one server
 * @param readTimeout how long to wait for any answer of the directory
 * @param startTls whether to upgrade plain {@code ldap://} connections with StartTLS
 * @param allowPlaintext whether plain {@code ldap://} without StartTLS is accepted, which
 * sends passwords in clear (tests, a directory on the same host)
 * @param trustStore the certificates trusted for LDAPS and StartTLS (the JVM's when
 * absent)
 * @param trustStorePassword the trust store's password
 * @param trustStoreType {@code PKCS12} or {@code JKS}
 */
@ConfigurationProperties("latchkey.ldap")
public record DirectorySettings(boolean enabled, Mode mode, String name, List<String> urls, String baseDn,
		@Nullable String bindDn, @Nullable String bindPassword, String userSearchBase, String userSearchFilter,
		String groupSearchBase, String groupSearchFilter, String groupNameAttribute, Map<String, String> groupRoles,
		String uuidAttribute, @Nullable String domain, boolean nestedGroups, Order order, Duration connectTimeout,
		Duration readTimeout, boolean startTls, boolean allowPlaintext, @Nullable Resource trustStore,
		@Nullable String trustStorePassword, String trustStoreType) {

	public DirectorySettings {
		mode = (mode != null) ? mode : Mode.LDAP;
		boolean ad = mode == Mode.ACTIVE_DIRECTORY;
		name = (name != null) ? name : (ad ? "active-directory" : "ldap");
		urls = (urls != null) ? List.copyOf(urls) : List.of();
		baseDn = (baseDn != null) ? baseDn : "";
		userSearchBase = (userSearchBase != null) ? userSearchBase : "";
		userSearchFilter = (userSearchFilter != null) ? userSearchFilter
				: (ad ? "(&(objectClass=user)(userPrincipalName={0}))" : "(uid={0})");
		groupSearchBase = (groupSearchBase != null) ? groupSearchBase : "";
		groupSearchFilter = (groupSearchFilter != null) ? groupSearchFilter : "(member={0})";
		groupNameAttribute = (groupNameAttribute != null) ? groupNameAttribute : "cn";
		groupRoles = (groupRoles != null) ? groupRoles.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap((entry) -> entry.getKey().toLowerCase(Locale.ROOT),
					Map.Entry::getValue))
				: Map.of();
		uuidAttribute = (uuidAttribute != null) ? uuidAttribute : (ad ? "objectGUID" : "entryUUID");
		order = (order != null) ? order : Order.AFTER_LOCAL;
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(3);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(5);
		trustStoreType = (trustStoreType != null) ? trustStoreType : "PKCS12";
		if (enabled) {
			validateDns(baseDn, groupSearchBase);
			validate(mode, urls, baseDn, domain, groupRoles, startTls, allowPlaintext, connectTimeout, readTimeout);
		}
	}

	private static void validateDns(String baseDn, String groupSearchBase) {
		try {
			new LdapName(baseDn);
			new LdapName(groupSearchBase);
		}
		catch (InvalidNameException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("latchkey.ldap.base-dn and group-search-base must be DNs (RFC 4514)");
		}
	}

	private static void validate(Mode mode, List<String> urls, String baseDn, @Nullable String domain,
			Map<String, String> groupRoles, boolean startTls, boolean allowPlaintext, Duration connectTimeout,
			Duration readTimeout) {
		if (urls.isEmpty()
				|| urls.stream().anyMatch((url) -> !url.startsWith("ldap://") && !url.startsWith("ldaps://"))) {
			throw new IllegalArgumentException("latchkey.ldap.urls needs at least one ldap:// or ldaps:// URL");
		}
		if (!startTls && !allowPlaintext && urls.stream().anyMatch((url) -> url.startsWith("ldap://"))) {
			throw new IllegalArgumentException("latchkey.ldap.urls: plain ldap:// would send staff passwords in "
					+ "clear; use ldaps://, set latchkey.ldap.start-tls=true, or accept the risk with "
					+ "latchkey.ldap.allow-plaintext=true");
		}
		if (groupRoles.isEmpty()) {
			throw new IllegalArgumentException("latchkey.ldap.group-roles must map at least one group to a role");
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
				|| readTimeout.isZero()) {
			throw new IllegalArgumentException("latchkey.ldap timeouts must be positive, so sign-in never hangs");
		}
		if (mode == Mode.ACTIVE_DIRECTORY && startTls) {
			throw new IllegalArgumentException("Active Directory mode supports ldaps:// URLs, not StartTLS");
		}
		if (mode == Mode.ACTIVE_DIRECTORY && baseDn.isEmpty() && (domain == null || domain.isEmpty())) {
			throw new IllegalArgumentException("Active Directory mode needs latchkey.ldap.domain or base-dn");
		}
	}

	/**
	 * The role a group maps to, if any. Only a group entry directly under the group base
	 * counts, compared as a whole DN (RFC 4514, without regard to case or spacing), so a
	 * group of the same name elsewhere in the directory maps to nothing.
	 */
	@Nullable String roleFor(String groupDn) {
		LdapName group;
		try {
			group = new LdapName(groupDn);
		}
		catch (InvalidNameException | IllegalArgumentException ex) {
			return null;
		}
		LdapName base = groupBase();
		if (group.size() != base.size() + 1 || !group.startsWith(base.getRdns())) {
			return null;
		}
		Rdn name = group.getRdn(group.size() - 1);
		if (name.size() != 1 || !name.getType().equalsIgnoreCase(this.groupNameAttribute)) {
			return null;
		}
		return this.groupRoles.get(name.getValue().toString().toLowerCase(Locale.ROOT));
	}

	/** Where mapped groups live: the group search base under the base DN. */
	LdapName groupBase() {
		try {
			LdapName base = new LdapName(rootDn());
			base.addAll(new LdapName(this.groupSearchBase));
			return base;
		}
		catch (InvalidNameException ex) {
			throw new IllegalArgumentException("latchkey.ldap.base-dn and group-search-base must be DNs", ex);
		}
	}

	/** The base DN, or in Active Directory mode the one its domain names. */
	private String rootDn() {
		if (!this.baseDn.isEmpty() || this.domain == null) {
			return this.baseDn;
		}
		return "dc=" + String.join(",dc=", this.domain.split("\\."));
	}

	/**
	 * How people are looked up and authenticated.
	 */
	public enum Mode {

		LDAP, ACTIVE_DIRECTORY

	}

	/**
	 * Which accounts are asked first when a name exists in both places.
	 */
	public enum Order {

		BEFORE_LOCAL, AFTER_LOCAL

	}

}
