package io.latchkey.authorization;

import java.io.IOException;
import java.util.List;

import io.latchkey.identity.PatientInCare;
import io.latchkey.identity.PatientsInCare;
import io.latchkey.identity.SignedInPerson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a signed-in person who may act for several patients to the patient picker before
 * an authorization request with {@code launch/patient} goes on, unless the request names
 * the patient they picked in this session. Runs in the protocol endpoints' filter chain,
 * after the person is known and before the authorization endpoint.
 */
final class SmartPatientPickerFilter extends OncePerRequestFilter {

	static final String PICKER_PAGE = "/smart/patient";

	private final String authorizationEndpoint;

	private final PatientsInCare patients;

	SmartPatientPickerFilter(String authorizationEndpoint, PatientsInCare patients) {
		this.authorizationEndpoint = authorizationEndpoint;
		this.patients = patients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.equals(this.authorizationEndpoint)
				|| request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null
				|| !SmartPatientChoices.asksForPatientContext(request.getParameter(OAuth2ParameterNames.SCOPE));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication person = SecurityContextHolder.getContext().getAuthentication();
		if (person == null || !person.isAuthenticated() || person instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		List<PatientInCare> choices = this.patients.forSubject(SignedInPerson.of(person).subject());
		String named = request.getParameter(SmartPatientChoices.PARAMETER);
		if (choices.size() < 2 || (named != null && named.equals(SmartPatientChoices.picked(request.getSession(false),
				SmartPatientChoices.requestKey(request::getParameter))))) {
			chain.doFilter(request, response);
			return;
		}
		response.sendRedirect(request.getContextPath() + PICKER_PAGE + "?"
				+ SmartPatientChoices.query(request.getParameterMap(), SmartPatientChoices.PARAMETER));
	}

}
