package io.latchkey.identity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
 * @param groupSearchBase where to search for groups (LDAP mode)
 * @param groupSearchFilter the group filter, {@code {0}} being the user's full DN
 * @param groupNameAttribute the group attribute whose value is looked up in
 * {@link #groupRoles}
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
		Duration readTimeout, boolean startTls, @Nullable Resource trustStore, @Nullable String trustStorePassword,
		String trustStoreType) {

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
			validate(mode, urls, baseDn, domain, groupRoles, startTls, connectTimeout, readTimeout);
		}
	}

	private static void validate(Mode mode, List<String> urls, String baseDn, @Nullable String domain,
			Map<String, String> groupRoles, boolean startTls, Duration connectTimeout, Duration readTimeout) {
		if (urls.isEmpty()
				|| urls.stream().anyMatch((url) -> !url.startsWith("ldap://") && !url.startsWith("ldaps://"))) {
			throw new IllegalArgumentException("latchkey.ldap.urls needs at least one ldap:// or ldaps:// URL");
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

	/** The role a group maps to, if any; group names compare without regard to case. */
	@Nullable String roleFor(String group) {
		return this.groupRoles.get(group.toLowerCase(Locale.ROOT));
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
