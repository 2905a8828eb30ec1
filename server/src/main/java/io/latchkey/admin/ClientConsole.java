package io.latchkey.admin;

import java.util.Arrays;
import java.util.List;

import io.latchkey.admin.ClientAdminController.CreateClientRequest;
import io.latchkey.admin.ClientAdminController.CreatedClient;
import io.latchkey.admin.ClientAdminController.TokenSettingsRequest;
import io.latchkey.authorization.ClientRegistrations;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's clients (admins only): list them with their redirect URIs, grant types
 * and token lifetimes, register one, replace a secret (shown this once), remove one.
 */
@Controller
@RequestMapping("/console/clients")
class ClientConsole {

	private final ClientRegistrations registrations;

	private final ClientAdministration administration;

	ClientConsole(ClientRegistrations registrations, ClientAdministration administration) {
		this.registrations = registrations;
		this.administration = administration;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("clients",
				this.registrations.list(500).stream().map(ClientAdminController::describe).toList());
		return "console/clients";
	}

	@PostMapping
	String create(@RequestParam(required = false) @Nullable String clientId,
			@RequestParam(required = false) @Nullable String clientName,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String redirectUris,
			@RequestParam(required = false) @Nullable List<String> grantTypes,
			@RequestParam(required = false) @Nullable String scopes,
			@RequestParam(defaultValue = "false") boolean requireConsent,
			@RequestParam(required = false) @Nullable Long accessTokenTtl,
			@RequestParam(required = false) @Nullable Long refreshTokenTtl, HttpServletResponse response, Model model) {
		CreatedClient created = this.administration.create(new CreateClientRequest(clientId, clientName, type,
				words(redirectUris), grantTypes, words(scopes), null, requireConsent,
				new TokenSettingsRequest(accessTokenTtl, refreshTokenTtl, null, null), null, null, null));
		return secretShown(created.clientId(), created.clientSecret(), response, model);
	}

	@PostMapping("/{clientId}/secret")
	String rotate(@PathVariable String clientId, HttpServletResponse response, Model model) {
		String secret = this.administration.rotateSecret(clientId);
		if (secret == null) {
			throw new InvalidRequestException("client " + clientId + " has no secret to replace");
		}
		return secretShown(clientId, secret, response, model);
	}

	@PostMapping("/{clientId}/delete")
	String delete(@PathVariable String clientId, RedirectAttributes redirect) {
		if (!this.registrations.delete(clientId)) {
			throw new NotFoundException("client");
		}
		redirect.addFlashAttribute("notice", "deleted");
		return "redirect:/console/clients";
	}

	private static String secretShown(String clientId, @Nullable String secret, HttpServletResponse response,
			Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("clientId", clientId);
		model.addAttribute("secret", secret);
		return "console/client-created";
	}

	private static @Nullable List<String> words(@Nullable String text) {
		return (text != null) ? Arrays.stream(text.trim().split("\\s+")).filter((w) -> !w.isEmpty()).toList() : null;
	}

}
