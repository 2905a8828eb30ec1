package io.latchkey.authorization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.latchkey.identity.SignedInPerson;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The consent page the authorization endpoint sends people to; it posts back to
 * {@code /oauth2/authorize} as the library expects. Denying posts no scope, which the
 * library answers with {@code access_denied}.
 */
@Controller
class ConsentPageController {

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationConsentService consents;

	private final GrantableScopes grantableScopes;

	ConsentPageController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
			GrantableScopes grantableScopes) {
		this.clients = clients;
		this.consents = consents;
		this.grantableScopes = grantableScopes;
	}

	@GetMapping("/oauth2/consent")
	String consent(Principal principal, Model model, @RequestParam("client_id") String clientId,
			@RequestParam(name = "scope", defaultValue = "") String scope, @RequestParam("state") String state) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown client");
		}
		OAuth2AuthorizationConsent previous = this.consents.findById(client.getId(), principal.getName());
		Set<String> granted = (previous != null) ? previous.getScopes() : Set.of();
		Set<String> toApprove = new LinkedHashSet<>();
		Set<String> alreadyApproved = new LinkedHashSet<>();
		// Scopes the person's roles do not allow are never granted, so not offered.
		Set<String> requestedScopes = this.grantableScopes.of(
				Arrays.stream(scope.split(" "))
					.filter((s) -> !s.isBlank())
					.collect(Collectors.toCollection(LinkedHashSet::new)),
				principal.getName(), (principal instanceof Authentication authentication) ? authentication : null);
		for (String requested : requestedScopes) {
			if (OidcScopes.OPENID.equals(requested)) {
				continue;
			}
			(granted.contains(requested) ? alreadyApproved : toApprove).add(requested);
		}
		model.addAttribute("clientId", clientId);
		model.addAttribute("clientName", client.getClientName());
		model.addAttribute("state", state);
		model.addAttribute("scopes", toApprove);
		model.addAttribute("previouslyApprovedScopes", alreadyApproved);
		model.addAttribute("principalName", SignedInPerson.usernameOf(principal));
		// The page again in another language, offering no more than it does now.
		model.addAttribute("languageBase",
				"/oauth2/consent?client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&scope="
						+ URLEncoder.encode(String.join(" ", requestedScopes), StandardCharsets.UTF_8) + "&state="
						+ URLEncoder.encode(state, StandardCharsets.UTF_8));
		return "consent";
	}

}
