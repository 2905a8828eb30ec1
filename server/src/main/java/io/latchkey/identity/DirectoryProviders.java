package io.latchkey.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.net.ssl.SSLSocketFactory;

import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.LdapAuthoritiesPopulator;

/**
 * Builds Spring Security's LDAP or Active Directory provider from
 * {@link DirectorySettings}: bounded timeouts, failover across the URLs, the configured
 * trust for TLS.
 */
final class DirectoryProviders {

	private DirectoryProviders() {
	}

	static AuthenticationProvider create(DirectorySettings settings) {
		configureConnectionPool();
		SSLSocketFactory tls = tls(settings);
		return (settings.mode() == DirectorySettings.Mode.ACTIVE_DIRECTORY) ? activeDirectory(settings)
				: ldap(settings, tls);
	}

	/** Search as the bind account, then bind as the found DN with the given password. */
	private static AuthenticationProvider ldap(DirectorySettings settings, SSLSocketFactory tls) {
		DefaultSpringSecurityContextSource source = ldapSource(settings, tls);
		String[] attributes = { "*", settings.uuidAttribute() };
		FilterBasedLdapUserSearch search = new FilterBasedLdapUserSearch(settings.userSearchBase(),
				settings.userSearchFilter(), source);
		search.setReturningAttributes(attributes);
		search.setSearchTimeLimit((int) settings.readTimeout().toMillis());
		BindAuthenticator authenticator = new BindAuthenticator(source);
		authenticator.setUserSearch(search);
		authenticator.setUserAttributes(attributes);
		LdapAuthenticationProvider provider = new LdapAuthenticationProvider(authenticator,
				ldapGroups(settings, source));
		provider.setUserDetailsContextMapper(new DirectoryUserMapper(settings));
		return provider;
	}

	/**
	 * Reads people again by their stable id with the bind account, finding their groups
	 * as sign-in does.
	 */
	static DirectoryLookup lookup(DirectorySettings settings) {
		if (settings.mode() == DirectorySettings.Mode.ACTIVE_DIRECTORY) {
			LdapContextSource source = new LdapContextSource();
			source.setUrls(settings.urls().toArray(String[]::new));
			if (settings.bindDn() != null) {
				source.setUserDn(settings.bindDn());
				source.setPassword((settings.bindPassword() != null) ? settings.bindPassword() : "");
			}
			source.setBaseEnvironmentProperties(environment(settings));
			source.setPooled(false);
			source.afterPropertiesSet();
			LdapAuthoritiesPopulator groups = settings.nestedGroups()
					? new NestedGroupsPopulator(settings, environment(settings)) : DirectoryProviders::directGroups;
			return new DirectoryLookup(settings, source, activeDirectoryRoot(settings), groups);
		}
		DefaultSpringSecurityContextSource source = ldapSource(settings, tls(settings));
		return new DirectoryLookup(settings, source, settings.userSearchBase(), ldapGroups(settings, source));
	}

	private static DefaultSpringSecurityContextSource ldapSource(DirectorySettings settings, SSLSocketFactory tls) {
		DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(settings.urls(),
				settings.baseDn());
		if (settings.bindDn() != null) {
			source.setUserDn(settings.bindDn());
			source.setPassword((settings.bindPassword() != null) ? settings.bindPassword() : "");
		}
		source.setBaseEnvironmentProperties(environment(settings));
		// The bind account's connections come from the JDK's pool; Spring LDAP never
		// pools the binds that check a person's password, and StartTLS connections
		// cannot be pooled.
		source.setPooled(!settings.startTls());
		if (settings.startTls()) {
			DefaultTlsDirContextAuthenticationStrategy startTls = new DefaultTlsDirContextAuthenticationStrategy();
			startTls.setSslSocketFactory(tls);
			startTls.setShutdownTlsGracefully(true);
			source.setAuthenticationStrategy(startTls);
		}
		source.afterPropertiesSet();
		return source;
	}

	private static LdapAuthoritiesPopulator ldapGroups(DirectorySettings settings,
			DefaultSpringSecurityContextSource source) {
		DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(source,
				settings.groupSearchBase());
		groups.setGroupSearchFilter(settings.groupSearchFilter());
		groups.setGroupRoleAttribute(settings.groupNameAttribute());
		groups.setRolePrefix("");
		groups.setConvertToUpperCase(false);
		groups.setSearchSubtree(true);
		groups.setIgnorePartialResultException(true);
		// Roles are judged by where a group is, not by its name alone.
		groups.setAuthorityMapper(
				(group) -> new SimpleGrantedAuthority(group.get(SpringSecurityLdapTemplate.DN_KEY).get(0)));
		return groups;
	}

	/** Where Active Directory sign-in searches: the base DN, or the domain's DN. */
	private static String activeDirectoryRoot(DirectorySettings settings) {
		if (!settings.baseDn().isEmpty() || settings.domain() == null) {
			return settings.baseDn();
		}
		return Arrays.stream(settings.domain().split("\\."))
			.map((part) -> "dc=" + part)
			.collect(Collectors.joining(","));
	}

	/** Binds as {@code user@domain}; groups come from {@code memberOf}. */
	private static AuthenticationProvider activeDirectory(DirectorySettings settings) {
		ActiveDirectoryLdapAuthenticationProvider provider = new ActiveDirectoryLdapAuthenticationProvider(
				settings.domain(), String.join(" ", settings.urls()), settings.baseDn());
		provider.setSearchFilter(settings.userSearchFilter());
		provider.setContextEnvironmentProperties(environment(settings));
		provider.setConvertSubErrorCodesToExceptions(true);
		// The provider's own mapping keeps only each group's name; Latchkey needs the DN.
		provider.setAuthoritiesPopulator(settings.nestedGroups()
				? new NestedGroupsPopulator(settings, environment(settings)) : DirectoryProviders::directGroups);
		provider.setUserDetailsContextMapper(new DirectoryUserMapper(settings));
		return provider;
	}

	/** The DNs in the entry's {@code memberOf}. */
	private static Collection<GrantedAuthority> directGroups(DirContextOperations user, String username) {
		String[] groups = user.getStringAttributes("memberOf");
		return (groups != null) ? Stream.of(groups).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList()
				: List.of();
	}

	/**
	 * The JDK's LDAP connection pool is set up by system properties, read once per JVM;
	 * these defaults apply unless the operator gives them with {@code -D}. Idle
	 * connections are closed after a minute, so one a firewall or a directory restart
	 * broke is rarely handed out, and LDAPS connections are pooled as well.
	 */
	static void configureConnectionPool() {
		Properties system = System.getProperties();
		system.putIfAbsent("com.sun.jndi.ldap.connect.pool.protocol", "plain ssl");
		system.putIfAbsent("com.sun.jndi.ldap.connect.pool.maxsize", "20");
		system.putIfAbsent("com.sun.jndi.ldap.connect.pool.timeout", "60000");
	}

	static Map<String, Object> environment(DirectorySettings settings) {
		Map<String, Object> environment = new HashMap<>();
		environment.put("com.sun.jndi.ldap.connect.timeout", Long.toString(settings.connectTimeout().toMillis()));
		environment.put("com.sun.jndi.ldap.read.timeout", Long.toString(settings.readTimeout().toMillis()));
		environment.put("java.naming.referral", "ignore");
		if ("objectGUID".equalsIgnoreCase(settings.uuidAttribute())) {
			environment.put("java.naming.ldap.attributes.binary", settings.uuidAttribute());
		}
		// The JDK uses this factory for every connection, so only for LDAPS; StartTLS
		// upgrades a plain connection with the same trust instead.
		if (settings.trustStore() != null && settings.urls().stream().anyMatch((url) -> url.startsWith("ldaps://"))) {
			environment.put("java.naming.ldap.factory.socket", DirectorySocketFactory.class.getName());
		}
		return environment;
	}

	private static SSLSocketFactory tls(DirectorySettings settings) {
		if (settings.trustStore() == null) {
			return (SSLSocketFactory) SSLSocketFactory.getDefault();
		}
		char[] password = (settings.trustStorePassword() != null) ? settings.trustStorePassword().toCharArray()
				: new char[0];
		SSLSocketFactory factory = DirectorySocketFactory.fromTrustStore(settings.trustStore(), password,
				settings.trustStoreType());
		DirectorySocketFactory.trust(factory);
		return factory;
	}

}
