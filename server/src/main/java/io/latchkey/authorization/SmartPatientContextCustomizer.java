package io.latchkey.authorization;

import java.util.List;

import io.latchkey.identity.PatientInCare;
import io.latchkey.identity.PatientsInCare;

import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * SMART {@code patient} for a person who acts for others: with {@code launch/patient}
 * granted, the access token is for the patient picked on the patient picker, or for the
 * one patient in the person's care when they have no record of their own. Checked again
 * on every refresh: once the person may no longer act for the patient, the grant gets no
 * more tokens. Runs after {@link IdentityClaimsCustomizer}, which puts the person's own
 * record.
 */
@Component
@Order(5)
class SmartPatientContextCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final PatientsInCare patients;

	SmartPatientContextCustomizer(PatientsInCare patients) {
		this.patients = patients;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				|| AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
				|| !context.getAuthorizedScopes().contains(SmartPatientChoices.LAUNCH_PATIENT)) {
			return;
		}
		String subject = context.getPrincipal().getName();
		OAuth2AuthorizationRequest request = (authorization != null)
				? authorization.getAttribute(OAuth2AuthorizationRequest.class.getName()) : null;
		if (request != null
				&& request.getAdditionalParameters().get(SmartPatientChoices.PARAMETER) instanceof String picked) {
			if (!this.patients.mayActFor(subject, picked)) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
						"The person may no longer act for the patient of this grant", null));
			}
			context.getClaims().claim("patient", picked);
			return;
		}
		List<PatientInCare> choices = this.patients.forSubject(subject);
		if (choices.size() == 1 && !choices.get(0).own()) {
			context.getClaims().claim("patient", choices.get(0).patient());
		}
	}

}
