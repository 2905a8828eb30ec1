package io.latchkey.invitation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for invitations: {@code /api/admin/invitations} to create, list, show and
 * revoke.
 */
@RestController
@RequestMapping("/api/admin/invitations")
class InvitationAdminController {

	private final InvitationCreation creation;

	private final InvitationRevocation revocation;

	private final InvitationRepository repository;

	private final Clock clock;

	InvitationAdminController(InvitationCreation creation, InvitationRevocation revocation,
			InvitationRepository repository, Clock clock) {
		this.creation = creation;
		this.revocation = revocation;
		this.repository = repository;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateInvitationRequest body, Authentication admin,
			HttpServletRequest request) {
		CreatedInvitation created = this.creation.create(body.validated(), admin.getName(), Origin.of(request));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", created.invitation().id());
		answer.put("link", created.link());
		answer.put("expires_at", created.invitation().expiresAt());
		if (!created.deliveries().isEmpty()) {
			answer.put("delivery",
					created.deliveries()
						.stream()
						.map((delivery) -> Map.of("channel", delivery.channel(), "route", delivery.route()))
						.toList());
		}
		return ResponseEntity.created(URI.create("/api/admin/invitations/" + created.invitation().id()))
			.header("Cache-Control", "no-store")
			.body(answer);
	}

	@GetMapping
	Map<String, Object> search(@RequestParam(required = false) @Nullable String subject,
			@RequestParam(name = "client_id", required = false) @Nullable String clientId,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > 100) {
			throw new InvalidInvitationRequestException("page must be 0 or more and size between 1 and 100");
		}
		InvitationQuery query = new InvitationQuery(subject, clientId, InvitationStatus.of(status), page, size);
		Instant now = this.clock.instant();
		InvitationRepository.Page found = this.repository.search(query, now);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", found.items().stream().map((invitation) -> describe(invitation, now)).toList());
		answer.put("page", page);
		answer.put("size", size);
		answer.put("total", found.total());
		return answer;
	}

	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable UUID id) {
		Instant now = this.clock.instant();
		return this.repository.findById(id)
			.map((invitation) -> describe(invitation, now))
			.orElseThrow(() -> new InvitationNotFoundForAdminException("invitation"));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable UUID id,
			@RequestParam(name = "revoke_tokens", defaultValue = "false") boolean revokeTokens, Authentication admin,
			HttpServletRequest request) {
		this.revocation.revoke(id, revokeTokens, admin.getName(), Origin.of(request));
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Object> describe(Invitation invitation, Instant now) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", invitation.id());
		view.put("client_id", invitation.clientId());
		view.put("subject", invitation.subject());
		view.put("scope", String.join(" ", invitation.scopes().stream().sorted().toList()));
		view.put("status", invitation.status(now).value());
		view.put("created_by", invitation.createdBy());
		view.put("created_at", invitation.createdAt());
		view.put("expires_at", invitation.expiresAt());
		view.put("redeemed_at", invitation.redeemedAt());
		view.put("revoked_at", invitation.revokedAt());
		view.put("delivered_via", invitation.deliveredVia());
		return view;
	}

}
