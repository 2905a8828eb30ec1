package io.latchkey.authorization;

import java.util.function.Consumer;

import io.latchkey.identity.PatientsInCare;
import io.latchkey.identity.SignedInPerson;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.StringUtils;

/**
 * Checks an authorization request the SMART App Launch way, in place of the library's
 * exact-string scope check: a requested SMART resource scope is allowed when a registered
 * one covers it ({@link SmartScope#covers}), and the {@code aud} parameter must name a
 * configured FHIR server, and a picked patient ({@link SmartPatientChoices}) must be one
 * the person may act for. The library's redirect URI check runs first, so errors redirect
 * only to a registered URI.
 */
final class SmartAuthorizationRequestValidator
		implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	static final String AUDIENCE = "aud";

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1";

	private final SmartSettings settings;

	private final PatientsInCare patients;

	SmartAuthorizationRequestValidator(SmartSettings settings, PatientsInCare patients) {
		this.settings = settings;
		this.patients = patients;
	}

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		RegisteredClient client = context.getRegisteredClient();
		if (!request.getScopes().stream().allMatch((scope) -> SmartScopes.permits(client.getScopes(), scope))) {
			throw error(OAuth2ErrorCodes.INVALID_SCOPE, "OAuth 2.0 Parameter: scope", request, client);
		}
		Object audience = request.getAdditionalParameters().get(AUDIENCE);
		if (this.settings.checksAudience() && audience != null
				&& !(audience instanceof String named && this.settings.fhirServerNamedBy(named).isPresent())) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST,
					"OAuth 2.0 Parameter: aud (names no FHIR server this server issues tokens for)", request, client);
		}
		Object patient = request.getAdditionalParameters().get(SmartPatientChoices.PARAMETER);
		if (patient != null && signedIn(request.getPrincipal()) instanceof Authentication person
				&& !(patient instanceof String named
						&& this.patients.mayActFor(SignedInPerson.of(person).subject(), named))) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST,
					"OAuth 2.0 Parameter: " + SmartPatientChoices.PARAMETER + " (not a patient picked on this server)",
					request, client);
		}
	}

	/**
	 * The person, once signed in: the library checks a request before it sends the
	 * browser to sign in, and again after.
	 */
	private static @Nullable Authentication signedIn(@Nullable Object principal) {
		return (principal instanceof Authentication person && person.isAuthenticated()
				&& !(person instanceof AnonymousAuthenticationToken)) ? person : null;
	}

	/**
	 * As the library's own validator builds it: the error goes to the client's redirect
	 * URI, which was checked already.
	 */
	private static OAuth2AuthorizationCodeRequestAuthenticationException error(String code, String description,
			OAuth2AuthorizationCodeRequestAuthenticationToken request, RegisteredClient client) {
		String redirectUri = StringUtils.hasText(request.getRedirectUri()) ? request.getRedirectUri()
				: client.getRedirectUris().iterator().next();
		OAuth2AuthorizationCodeRequestAuthenticationToken result = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				request.getAuthorizationUri(), request.getClientId(), (Authentication) request.getPrincipal(),
				redirectUri, request.getState(), request.getScopes(), request.getAdditionalParameters());
		result.setAuthenticated(true);
		return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, ERROR_URI),
				result);
	}

}
