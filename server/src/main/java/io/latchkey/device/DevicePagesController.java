package io.latchkey.device;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.latchkey.authorization.GrantableScopes;
import io.latchkey.identity.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages a person sees when connecting a device: code entry at the verification URI,
 * the confirmation that names the client, its scopes and where the request came from, and
 * the outcome. The library's endpoint does the checking; entry and confirmation post to
 * it.
 */
@Controller
class DevicePagesController {

	static final String CONFIRM = "/device/confirm";

	static final String RETRY = "/device/verification";

	static final String APPROVED = "/device/approved";

	static final String DENIED = "/device/denied";

	private static final OAuth2TokenType STATE = new OAuth2TokenType("state");

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationService authorizations;

	private final GrantableScopes grantableScopes;

	DevicePagesController(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
			GrantableScopes grantableScopes) {
		this.clients = clients;
		this.authorizations = authorizations;
		this.grantableScopes = grantableScopes;
	}

	/**
	 * Reached only without a {@code user_code}; with one, the library's endpoint answers.
	 */
	@GetMapping("/oauth2/device_verification")
	String entry() {
		return "device-verification";
	}

	/** Where a refused entry is forwarded; the status is already set. */
	@RequestMapping(RETRY)
	String retry(HttpServletRequest request, Model model) {
		Object message = request.getAttribute(DeviceVerificationResultHandler.MESSAGE_ATTRIBUTE);
		if (message == null) {
			return "redirect:/oauth2/device_verification";
		}
		model.addAttribute("error", message);
		return "device-verification";
	}

	@GetMapping(CONFIRM)
	String confirm(Principal principal, HttpServletRequest request, Model model,
			@RequestParam("client_id") String clientId, @RequestParam(name = "scope", defaultValue = "") String scope,
			@RequestParam("state") String state, @RequestParam("user_code") String userCode) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		OAuth2Authorization authorization = this.authorizations.findByToken(state, STATE);
		if (client == null || authorization == null || !client.getId().equals(authorization.getRegisteredClientId())
				|| !principal.getName().equals(authorization.getPrincipalName())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		String deviceAddress = authorization.getAttribute(OpenIdDeviceAuthorizationProvider.DEVICE_ADDRESS);
		// Scopes the person's roles do not allow are never granted, so not offered.
		Set<String> scopes = this.grantableScopes.of(
				Arrays.stream(scope.split(" "))
					.filter((s) -> !s.isBlank())
					.collect(Collectors.toCollection(LinkedHashSet::new)),
				principal.getName(), (principal instanceof Authentication authentication) ? authentication : null);
		model.addAttribute("clientId", clientId);
		model.addAttribute("clientName", client.getClientName());
		model.addAttribute("state", state);
		model.addAttribute("userCode", UserCodes.normalize(userCode).orElse(userCode));
		model.addAttribute("scopes", scopes);
		model.addAttribute("principalName", SignedInPerson.usernameOf(principal));
		model.addAttribute("deviceOrigin", describe(deviceAddress, request.getRemoteAddr()));
		// The page again in another language, offering no more than it does now.
		model.addAttribute("languageBase",
				CONFIRM + "?client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&scope="
						+ URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8) + "&state="
						+ URLEncoder.encode(state, StandardCharsets.UTF_8) + "&user_code="
						+ URLEncoder.encode(userCode, StandardCharsets.UTF_8));
		return "device-confirm";
	}

	@GetMapping(APPROVED)
	String approved(Model model) {
		model.addAttribute("approved", true);
		return "device-done";
	}

	@GetMapping(DENIED)
	String denied(Model model) {
		model.addAttribute("approved", false);
		return "device-done";
	}

	/**
	 * Where the device asked from, which helps a person notice a code someone else sent
	 * them (RFC 8628 §5.4). Without a geolocation database the network address is all we
	 * know.
	 */
	private static String describe(@Nullable String deviceAddress, String browserAddress) {
		if (deviceAddress == null) {
			return "unknown";
		}
		return deviceAddress.equals(browserAddress) ? deviceAddress + " (the network you are on now)"
				: deviceAddress + " (a different network from yours)";
	}

}
