package io.latchkey.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.latchkey.authorization.ClientRegistrations;
import io.latchkey.shared.FormValidation;
import io.latchkey.shared.QrCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's invitations: create one (its link and QR code are shown this once), send
 * it by email or SMS, list them, revoke one. Staff may do all of it.
 */
@Controller
@RequestMapping("/console/invitations")
class InvitationConsole {

	private static final int PAGE_SIZE = 20;

	private final InvitationCreation creation;

	private final InvitationRevocation revocation;

	private final InvitationRepository repository;

	private final ClientRegistrations clients;

	private final Validator validator;

	private final Clock clock;

	InvitationConsole(InvitationCreation creation, InvitationRevocation revocation, InvitationRepository repository,
			ClientRegistrations clients, Validator validator, Clock clock) {
		this.creation = creation;
		this.revocation = revocation;
		this.repository = repository;
		this.clients = clients;
		this.validator = validator;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int shown = Math.max(0, Math.min(page, 100_000));
		InvitationRepository.Page found = this.repository.search(
				new InvitationQuery(null, null, InvitationStatus.of(status), shown, PAGE_SIZE), this.clock.instant());
		Instant now = this.clock.instant();
		model.addAttribute("invitations",
				found.items()
					.stream()
					.map((invitation) -> new Row(invitation, invitation.status(now).value()))
					.toList());
		model.addAttribute("status", status);
		model.addAttribute("page", shown);
		model.addAttribute("hasMore", (long) (shown + 1) * PAGE_SIZE < found.total());
		model.addAttribute("clients",
				this.clients.list(500)
					.stream()
					.filter((client) -> client.getAuthorizationGrantTypes()
						.stream()
						.anyMatch((grant) -> "authorization_code".equals(grant.getValue())))
					.toList());
		return "console/invitations";
	}

	@PostMapping
	String create(@RequestParam(required = false) @Nullable String clientId,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String patient,
			@RequestParam(required = false) @Nullable String scope,
			@RequestParam(required = false) @Nullable Long expiresIn,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String sms, Authentication staff, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		CreateInvitationRequest.Deliver deliver = (email != null || sms != null)
				? new CreateInvitationRequest.Deliver(email, sms) : null;
		CreateInvitationRequest form = FormValidation.checked(this.validator,
				new CreateInvitationRequest(clientId, subject, patient, scope, expiresIn, deliver),
				InvalidInvitationRequestException::new);
		CreatedInvitation created = this.creation.create(form.validated(), staff.getName(), Origin.of(request));
		// The link holds the secret: this answer is its only copy.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("invitation", created.invitation());
		model.addAttribute("link", created.link());
		model.addAttribute("qr", QrCodes.svgDataUri(created.link()));
		model.addAttribute("deliveries", created.deliveries());
		return "console/invitation-created";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable UUID id, @RequestParam(name = "revokeTokens", defaultValue = "false") boolean tokens,
			Authentication staff, HttpServletRequest request, RedirectAttributes redirect) {
		this.revocation.revoke(id, tokens, staff.getName(), Origin.of(request));
		redirect.addFlashAttribute("notice", "revoked");
		return "redirect:/console/invitations";
	}

	/**
	 * An invitation as the list shows it.
	 */
	record Row(Invitation invitation, String status) {

	}

}
