package io.latchkey.invitation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.latchkey.authorization.ClientRegistrations;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Admin API for a client's launch URL and message templates: {@code GET}/{@code PUT
 * /api/admin/clients/{clientId}/invitation-settings}.
 */
@RestController
class ClientLaunchSettingsController {

	private final ClientLaunchSettingsRepository repository;

	private final ClientRegistrations clients;

	private final Clock clock;

	ClientLaunchSettingsController(ClientLaunchSettingsRepository repository, ClientRegistrations clients,
			Clock clock) {
		this.repository = repository;
		this.clients = clients;
		this.clock = clock;
	}

	@GetMapping("/api/admin/clients/{clientId}/invitation-settings")
	Map<String, Object> get(@PathVariable String clientId) {
		requireClient(clientId);
		return describe(this.repository.find(clientId).orElse(ClientLaunchSettings.none(clientId)));
	}

	@PutMapping("/api/admin/clients/{clientId}/invitation-settings")
	Map<String, Object> put(@PathVariable String clientId, @RequestBody SettingsRequest request) {
		requireClient(clientId);
		ClientLaunchSettings settings = new ClientLaunchSettings(clientId, launchUrl(request.launchUrl()),
				text(request.emailSubject(), 200, "email_subject"),
				text(request.emailTemplate(), 4000, "email_template"),
				text(request.smsTemplate(), 1000, "sms_template"));
		this.repository.save(settings, this.clock.instant());
		return describe(settings);
	}

	private void requireClient(String clientId) {
		if (this.clients.find(clientId).isEmpty()) {
			throw new InvitationNotFoundForAdminException("client");
		}
	}

	/**
	 * App links are https (universal links, Android App Links); plain http only on
	 * loopback for development.
	 */
	private static @Nullable URI launchUrl(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			URI uri = new URI(value);
			boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
			if (uri.isAbsolute() && uri.getFragment() == null && uri.getHost() != null
					&& ("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// Refused below.
		}
		throw new InvalidInvitationRequestException(
				"launch_url must be an absolute https URL without fragment (http only on localhost)");
	}

	private static @Nullable String text(@Nullable String value, int max, String name) {
		if (value != null && (value.isBlank() || value.length() > max)) {
			throw new InvalidInvitationRequestException(name + " must have 1 to " + max + " characters");
		}
		return value;
	}

	private static Map<String, Object> describe(ClientLaunchSettings settings) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("client_id", settings.clientId());
		view.put("launch_url", settings.launchUrl());
		view.put("email_subject", settings.emailSubject());
		view.put("email_template", settings.emailTemplate());
		view.put("sms_template", settings.smsTemplate());
		return view;
	}

	/**
	 * The body of the {@code PUT}; absent members fall back to the server-wide defaults.
	 */
	record SettingsRequest(@JsonProperty("launch_url") @Nullable String launchUrl,
			@JsonProperty("email_subject") @Nullable String emailSubject,
			@JsonProperty("email_template") @Nullable String emailTemplate,
			@JsonProperty("sms_template") @Nullable String smsTemplate) {

	}

}
