package io.latchkey.authorization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.identity.PatientInCare;
import io.latchkey.identity.PatientsInCare;
import io.latchkey.identity.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The patient picker: a person who may act for several patients (their own record and
 * their children's, say) picks the one a SMART app asking for {@code launch/patient} is
 * for. The page carries the authorization request along; picking remembers the choice in
 * the session and resumes the request, naming the patient.
 */
@Controller
class SmartPatientPickerController {

	private static final String CSRF_PARAMETER = "_csrf";

	private final RegisteredClientRepository clients;

	private final PatientsInCare patients;

	private final String authorizationEndpoint;

	SmartPatientPickerController(RegisteredClientRepository clients, PatientsInCare patients,
			AuthorizationServerSettings settings) {
		this.clients = clients;
		this.patients = patients;
		this.authorizationEndpoint = settings.getAuthorizationEndpoint();
	}

	@GetMapping(SmartPatientPickerFilter.PICKER_PAGE)
	String picker(Authentication person, HttpServletRequest request, HttpServletResponse response, Model model) {
		RegisteredClient client = clientAskingForPatientContext(request);
		List<PatientInCare> choices = this.patients.forSubject(SignedInPerson.of(person).subject());
		if (choices.size() < 2) {
			return "redirect:" + this.authorizationEndpoint + "?" + resumed(request);
		}
		List<Map.Entry<String, String>> carried = new ArrayList<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals(SmartPatientChoices.PARAMETER) && !name.equals(CSRF_PARAMETER)) {
				for (String value : values) {
					carried.add(Map.entry(name, value));
				}
			}
		});
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("clientName", client.getClientName());
		model.addAttribute("choices", choices);
		model.addAttribute("parameters", carried);
		model.addAttribute("principalName", SignedInPerson.usernameOf(person));
		return "smart-patient";
	}

	@PostMapping(SmartPatientPickerFilter.PICKER_PAGE)
	String pick(Authentication person, HttpServletRequest request,
			@RequestParam(SmartPatientChoices.PARAMETER) String patient) {
		clientAskingForPatientContext(request);
		if (!this.patients.mayActFor(SignedInPerson.of(person).subject(), patient)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a patient you may act for");
		}
		SmartPatientChoices.remember(request.getSession(), SmartPatientChoices.requestKey(request::getParameter),
				patient);
		return "redirect:" + this.authorizationEndpoint + "?" + resumed(request) + "&" + SmartPatientChoices.PARAMETER
				+ "=" + URLEncoder.encode(patient, StandardCharsets.UTF_8);
	}

	private RegisteredClient clientAskingForPatientContext(HttpServletRequest request) {
		String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
		RegisteredClient client = (clientId != null) ? this.clients.findByClientId(clientId) : null;
		if (client == null || request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null
				|| !SmartPatientChoices.asksForPatientContext(request.getParameter(OAuth2ParameterNames.SCOPE))) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not an authorization request for a patient");
		}
		return client;
	}

	private static String resumed(HttpServletRequest request) {
		return SmartPatientChoices.query(request.getParameterMap(), SmartPatientChoices.PARAMETER, CSRF_PARAMETER);
	}

}
