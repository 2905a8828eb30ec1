package io.latchkey.authorization;

import java.util.List;
import java.util.Optional;

import io.latchkey.identity.CurrentAccounts;
import io.latchkey.identity.CurrentPerson;
import io.latchkey.identity.DirectoryUnavailableException;
import io.latchkey.identity.SignedInPerson;

import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds who-and-for-whom claims: {@code client_id} on access tokens (RFC 9068), and for a
 * person {@code preferred_username}, the SMART App Launch {@code patient} (access token)
 * and {@code fhirUser} (ID token), and {@code roles} when the client was granted the
 * {@code roles} scope. The person is looked up by the grant's subject, the account's
 * stable id, as the account is now; a grant whose person is gone gets no more tokens.
 */
@Component
@Order(0)
class IdentityClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES_SCOPE = "roles";

	private final CurrentAccounts accounts;

	IdentityClaimsCustomizer(CurrentAccounts accounts) {
		this.accounts = accounts;
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
		Optional<CurrentPerson> person = current(context);
		person.ifPresent((account) -> {
			context.getClaims().claim("preferred_username", account.username());
			if (accessToken && account.patient() != null) {
				context.getClaims().claim("patient", account.patient());
			}
			if (idToken && account.fhirUser() != null) {
				context.getClaims().claim("fhirUser", account.fhirUser());
			}
		});
		List<String> roles = person.map(CurrentPerson::roles)
			.orElseGet(() -> SignedInPerson.roles(context.getPrincipal()));
		if (context.getAuthorizedScopes().contains(ROLES_SCOPE) && !roles.isEmpty()) {
			context.getClaims().claim("roles", roles);
		}
	}

	/**
	 * The person now, or empty when only an unreachable directory could tell: a refresh
	 * has then already been refused, and a code or device grant keeps the roles its
	 * sign-in found moments ago.
	 */
	private Optional<CurrentPerson> current(JwtEncodingContext context) {
		try {
			return Optional.of(this.accounts.find(context.getPrincipal().getName())
				.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
						"The account of this grant no longer exists or is disabled", null))));
		}
		catch (DirectoryUnavailableException ex) {
			return Optional.empty();
		}
	}

}
