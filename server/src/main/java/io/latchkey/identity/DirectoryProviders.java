package io.latchkey.identity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLSocketFactory;

import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.DefaultActiveDirectoryAuthoritiesPopulator;
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
					? new NestedGroupsPopulator(settings, environment(settings))
					: new DefaultActiveDirectoryAuthoritiesPopulator();
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
		// Pooled connections outlive a directory restart and fail the next sign-in; staff
		// sign-ins are rare enough to connect each time.
		source.setPooled(false);
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
		if (settings.nestedGroups()) {
			provider.setAuthoritiesPopulator(new NestedGroupsPopulator(settings, environment(settings)));
		}
		provider.setUserDetailsContextMapper(new DirectoryUserMapper(settings));
		return provider;
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
		// upgrades
		// a plain connection with the same trust instead.
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
