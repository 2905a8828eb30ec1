package io.latchkey.authorization;

import java.util.List;
import java.util.Optional;

import io.latchkey.identity.SignedInPerson;
import io.latchkey.identity.UserAccount;
import io.latchkey.identity.UserAccounts;

import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds who-and-for-whom claims: {@code client_id} on access tokens (RFC 9068), and for a
 * person the SMART App Launch {@code patient} (access token) and {@code fhirUser} (ID
 * token), and {@code roles} when the client was granted the {@code roles} scope.
 */
@Component
@Order(0)
class IdentityClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES_SCOPE = "roles";

	private final UserAccounts users;

	IdentityClaimsCustomizer(UserAccounts users) {
		this.users = users;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (accessToken) {
			context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
				|| !(accessToken || idToken)) {
			return;
		}
		Optional<UserAccount> user = this.users.findByUsername(context.getPrincipal().getName());
		user.ifPresent((account) -> {
			if (accessToken && account.patient() != null) {
				context.getClaims().claim("patient", account.patient());
			}
			if (idToken && account.fhirUser() != null) {
				context.getClaims().claim("fhirUser", account.fhirUser());
			}
		});
		// Directory users have no local account: their roles are the ones the group
		// mapping
		// gave them at sign-in, kept with the authorization as ROLE_* authorities.
		List<String> roles = user.map((account) -> account.roles().stream().sorted().toList())
			.orElseGet(() -> SignedInPerson.roles(context.getPrincipal()));
		if (context.getAuthorizedScopes().contains(ROLES_SCOPE) && !roles.isEmpty()) {
			context.getClaims().claim("roles", roles);
		}
	}

}
