package io.latchkey.datalink;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * Admin API for data links: {@code /api/admin/data-links} to create, list, show, revoke,
 * unlock, and read the history and the answer.
 */
@RestController
@RequestMapping("/api/admin/data-links")
class DataLinkAdminController {

	private final DataLinkCreation creation;

	private final DataLinkAdministration administration;

	private final DataLinkRepository repository;

	private final Clock clock;

	DataLinkAdminController(DataLinkCreation creation, DataLinkAdministration administration,
			DataLinkRepository repository, Clock clock) {
		this.creation = creation;
		this.administration = administration;
		this.repository = repository;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateDataLinkRequest body, Authentication admin) {
		DataLinkCreation.CreatedDataLink created = this.creation.create(body.validated(), admin.getName());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", created.link().id());
		answer.put("url", created.url());
		answer.put("expires_at", created.link().expiresAt());
		if (created.pin() != null) {
			answer.put("pin", created.pin());
		}
		if (!created.deliveries().isEmpty()) {
			answer.put("delivery", created.deliveries()
				.stream()
				.map((delivery) -> Map.of("channel", delivery.channel().name().toLowerCase(java.util.Locale.ROOT),
						"route", delivery.route()))
				.toList());
		}
		return ResponseEntity.created(URI.create("/api/admin/data-links/" + created.link().id()))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(answer);
	}

	@GetMapping
	Map<String, Object> search(@RequestParam(required = false) @Nullable String tenant,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > 100) {
			throw new InvalidDataLinkRequestException("page must be 0 or more and size between 1 and 100");
		}
		Instant now = this.clock.instant();
		DataLinkRepository.Page found = this.repository.search(tenant, DataLinkStatus.of(status), now, page, size);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", found.items().stream().map((link) -> describe(link, now)).toList());
		answer.put("page", page);
		answer.put("size", size);
		answer.put("total", found.total());
		return answer;
	}

	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable UUID id) {
		return describe(this.administration.find(id), this.clock.instant());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable UUID id, Authentication admin) {
		this.administration.revoke(id, admin.getName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/unlock")
	ResponseEntity<Void> unlock(@PathVariable UUID id, Authentication admin) {
		this.administration.unlock(id, admin.getName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/visits")
	Map<String, Object> visits(@PathVariable UUID id) {
		this.administration.find(id);
		return Map.of("items", this.repository.history(id, "visit"));
	}

	@GetMapping("/{id}/attempts")
	Map<String, Object> attempts(@PathVariable UUID id) {
		this.administration.find(id);
		return Map.of("items", this.repository.history(id, "attempt"));
	}

	@GetMapping("/{id}/submission")
	ResponseEntity<byte[]> submission(@PathVariable UUID id, Authentication admin) {
		DataLinkAdministration.ReadSubmission read = this.administration.submission(id, admin.getName());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("Latchkey-Submitted-At", read.submittedAt().toString())
			.body(read.answer());
	}

	private static Map<String, Object> describe(DataLink link, Instant now) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", link.id());
		view.put("tenant", link.tenant());
		view.put("status", link.status(now).value());
		view.put("factor", link.factorType().value());
		view.put("allows_submission", link.allowsSubmission());
		view.put("has_schema", link.hasSchema());
		view.put("max_leases", link.maxLeases());
		view.put("leases_granted", link.leasesGranted());
		view.put("created_by", link.createdBy());
		view.put("created_at", link.createdAt());
		view.put("expires_at", link.expiresAt());
		view.put("first_visited_at", link.firstVisitedAt());
		view.put("locked_at", link.lockedAt());
		view.put("revoked_at", link.revokedAt());
		view.put("used_at", link.usedAt());
		view.put("used_by", link.usedBy());
		return view;
	}

}
