package io.latchkey.identity;

import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.naming.directory.SearchControls;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.userdetails.LdapAuthoritiesPopulator;

/**
 * Reads a person from the directory again by the stable id their tokens carry, with the
 * search account, and maps their groups as a sign-in would. Searching by the id rather
 * than the login name means a login name given to someone else never inherits a grant.
 */
final class DirectoryLookup {

	/** A user filter of the form {@code (uid={0})}, whose attribute is the login name. */
	private static final Pattern SIMPLE_FILTER = Pattern.compile("\\(([A-Za-z][A-Za-z0-9-]*)=\\{0\\}\\)");

	private final DirectorySettings settings;

	private final SpringSecurityLdapTemplate template;

	private final String searchBase;

	private final LdapAuthoritiesPopulator groups;

	private final DirectoryUserMapper mapper;

	DirectoryLookup(DirectorySettings settings, ContextSource source, String searchBase,
			LdapAuthoritiesPopulator groups) {
		this.settings = settings;
		this.template = new SpringSecurityLdapTemplate(source);
		SearchControls controls = new SearchControls();
		controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
		controls.setReturningAttributes(new String[] { "*", settings.uuidAttribute() });
		controls.setTimeLimit((int) settings.readTimeout().toMillis());
		this.template.setSearchControls(controls);
		this.searchBase = searchBase;
		this.groups = groups;
		this.mapper = new DirectoryUserMapper(settings);
	}

	/**
	 * The person with this stable id as the directory has them now.
	 * @return empty when there is no such entry or it maps to no role
	 * @throws DirectoryUnavailableException when the directory cannot be asked
	 */
	Optional<DirectoryUser> find(String stableId) {
		try {
			DirContextOperations entry = this.template.searchForSingleEntry(this.searchBase,
					"(" + this.settings.uuidAttribute() + "={0})", new Object[] { filterValue(stableId) });
			String loginName = loginName(entry, stableId);
			DirectoryUser user = (DirectoryUser) this.mapper.mapUserFromContext(entry, loginName,
					this.groups.getGrantedAuthorities(entry, loginName));
			return stableId.equals(user.getUsername()) ? Optional.of(user) : Optional.empty();
		}
		catch (IncorrectResultSizeDataAccessException | NotInMappedGroupException ex) {
			return Optional.empty();
		}
		catch (org.springframework.ldap.NamingException | org.springframework.dao.DataAccessException ex) {
			throw new DirectoryUnavailableException(this.settings.name(), ex);
		}
	}

	/**
	 * {@code objectGUID} is matched as its 16 bytes, whose first three fields are
	 * little-endian (the reverse of {@link DirectoryUserMapper#stableId}).
	 */
	private Object filterValue(String stableId) {
		if (!"objectGUID".equalsIgnoreCase(this.settings.uuidAttribute())) {
			return stableId;
		}
		byte[] b = HexFormat.of().parseHex(UUID.fromString(stableId).toString().replace("-", ""));
		return new byte[] { b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13],
				b[14], b[15] };
	}

	private String loginName(DirContextOperations entry, String fallback) {
		String attribute = (this.settings.mode() == DirectorySettings.Mode.ACTIVE_DIRECTORY) ? "sAMAccountName"
				: simpleFilterAttribute(this.settings.userSearchFilter());
		String value = (attribute != null) ? entry.getStringAttribute(attribute) : null;
		return (value != null) ? value : fallback;
	}

	private static @Nullable String simpleFilterAttribute(String filter) {
		Matcher matcher = SIMPLE_FILTER.matcher(filter);
		return matcher.matches() ? matcher.group(1) : null;
	}

}
