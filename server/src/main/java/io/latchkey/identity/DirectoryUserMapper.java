package io.latchkey.identity;

import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/**
 * Turns a directory entry and its group names into a {@link DirectoryUser}: the stable id
 * from {@code entryUUID} or {@code objectGUID}, roles from the group mapping.
 */
final class DirectoryUserMapper implements UserDetailsContextMapper {

	private final DirectorySettings settings;

	DirectoryUserMapper(DirectorySettings settings) {
		this.settings = settings;
	}

	@Override
	public UserDetails mapUserFromContext(DirContextOperations ctx, String username,
			Collection<? extends GrantedAuthority> groups) {
		String stableId = stableId(ctx.getObjectAttribute(this.settings.uuidAttribute()));
		if (stableId == null) {
			throw new InternalAuthenticationServiceException(
					"The directory entry has no " + this.settings.uuidAttribute() + " attribute");
		}
		List<SimpleGrantedAuthority> roles = groups.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(Objects::nonNull)
			.map(this.settings::roleFor)
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		if (roles.isEmpty()) {
			throw new NotInMappedGroupException();
		}
		return new DirectoryUser(stableId, username, this.settings.name(), roles);
	}

	@Override
	public void mapUserToContext(UserDetails user, DirContextAdapter ctx) {
		throw new UnsupportedOperationException("Latchkey never writes to the directory");
	}

	/**
	 * {@code objectGUID} arrives as 16 bytes whose first three fields are little-endian.
	 */
	static @Nullable String stableId(@Nullable Object value) {
		if (value instanceof byte[] guid && guid.length == 16) {
			byte[] ordered = { guid[3], guid[2], guid[1], guid[0], guid[5], guid[4], guid[7], guid[6], guid[8], guid[9],
					guid[10], guid[11], guid[12], guid[13], guid[14], guid[15] };
			String hex = HexFormat.of().formatHex(ordered);
			return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
					+ hex.substring(16, 20) + "-" + hex.substring(20);
		}
		if (value instanceof String text && !text.isBlank()) {
			return text.toLowerCase(java.util.Locale.ROOT);
		}
		return null;
	}

}
