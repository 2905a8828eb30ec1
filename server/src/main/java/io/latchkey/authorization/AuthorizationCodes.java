package io.latchkey.authorization;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latchkey.identity.UserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.shared.Secrets;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Service;

/**
 * Mints authorization codes for a person, client and scopes without a browser round trip,
 * as the authorization endpoint would after sign-in and consent, and keeps them through
 * the library's own authorization service so that the token endpoint redeems them
 * unchanged (RFC 6749 section 4.1.3, PKCE per RFC 7636 section 4.6).
 */
@Service
public class AuthorizationCodes {

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationService authorizations;

	private final AuthorizationServerSettings settings;

	private final UserAccounts users;

	private final SmartSettings smart;

	private final Clock clock;

	AuthorizationCodes(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
			AuthorizationServerSettings settings, UserAccounts users, SmartSettings smart, Clock clock) {
		this.clients = clients;
		this.authorizations = authorizations;
		this.settings = settings;
		this.users = users;
		this.smart = smart;
		this.clock = clock;
	}

	/**
	 * Mints a code valid for the client's authorization-code lifetime (60 seconds unless
	 * the client says otherwise).
	 * @throws CodeMintingException when the client, scopes or person do not allow it
	 */
	public IssuedCode mint(CodeGrant grant) {
		RegisteredClient client = this.clients.findByClientId(grant.clientId());
		if (client == null || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE)
				|| client.getRedirectUris().isEmpty()) {
			throw new CodeMintingException("the client cannot receive authorization codes");
		}
		if (!client.getScopes().containsAll(grant.scopes())) {
			throw new CodeMintingException("the client may not ask for these scopes");
		}
		UserAccount person = this.users.findByUsername(grant.subject())
			.filter(UserAccount::enabled)
			.orElseThrow(() -> new CodeMintingException("no enabled account for the subject"));
		String redirectUri = client.getRedirectUris().iterator().next();
		Instant now = this.clock.instant();
		OAuth2AuthorizationCode code = new OAuth2AuthorizationCode(Secrets.random(32), now,
				now.plus(client.getTokenSettings().getAuthorizationCodeTimeToLive()));
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(this.settings.getIssuer() + this.settings.getAuthorizationEndpoint())
			.clientId(client.getClientId())
			.redirectUri(redirectUri)
			.scopes(grant.scopes())
			.state(grant.reference())
			.additionalParameters(parameters(grant))
			.build();
		OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client)
			.principalName(person.id().toString())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizedScopes(grant.scopes())
			.attribute(Principal.class.getName(), principal(person, now))
			.attribute(OAuth2AuthorizationRequest.class.getName(), request)
			.token(code)
			.build();
		this.authorizations.save(authorization);
		return new IssuedCode(code.getTokenValue(), redirectUri, authorization.getId(), code.getExpiresAt());
	}

	/**
	 * The PKCE challenge, and the FHIR server as {@code aud} the way the authorization
	 * endpoint keeps it, so the token's audience is set as for any SMART request; an
	 * {@code aud} naming no configured FHIR server is refused, and ignored when none is
	 * configured (as at the authorization endpoint).
	 */
	private Map<String, Object> parameters(CodeGrant grant) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put(PkceParameterNames.CODE_CHALLENGE, grant.codeChallenge());
		parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
		if (grant.audience() != null && this.smart.checksAudience()) {
			String fhirServer = this.smart.fhirServerNamedBy(grant.audience())
				.orElseThrow(() -> new CodeMintingException("aud names no FHIR server known here"));
			parameters.put(SmartAuthorizationRequestValidator.AUDIENCE, fhirServer);
		}
		return parameters;
	}

	/**
	 * Revokes an authorization minted here with every token it produced since.
	 * @return whether there was one to revoke
	 */
	public boolean revoke(String authorizationId) {
		OAuth2Authorization authorization = this.authorizations.findById(authorizationId);
		if (authorization == null) {
			return false;
		}
		this.authorizations.remove(authorization);
		return true;
	}

	/**
	 * The person as signed in by a one-time token, named by the account's id like every
	 * local account's grant. The factor's time becomes the ID token's {@code auth_time}
	 * when the library finds a session of the same person for the {@code sid} claim
	 * (OpenID Connect Core 1.0 section 2), and it asserts there is one.
	 */
	private static Authentication principal(UserAccount person, Instant now) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		person.roles().stream().sorted().forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		authorities
			.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.OTT_AUTHORITY).issuedAt(now).build());
		User user = new User(person.id().toString(), "", authorities);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

}
