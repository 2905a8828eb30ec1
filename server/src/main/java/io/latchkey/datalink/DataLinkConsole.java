package io.latchkey.datalink;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.latchkey.shared.FormValidation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * The console's data links: create one from a pasted or uploaded payload with a second
 * factor (a generated PIN is shown this once), list and revoke them; admins also see a
 * link's visits and attempts and lift its lockout.
 */
@Controller
@RequestMapping("/console/data-links")
class DataLinkConsole {

	private static final int PAGE_SIZE = 20;

	private final DataLinkCreation creation;

	private final DataLinkAdministration administration;

	private final DataLinkRepository repository;

	private final JsonMapper json;

	private final Validator validator;

	private final Clock clock;

	DataLinkConsole(DataLinkCreation creation, DataLinkAdministration administration, DataLinkRepository repository,
			JsonMapper json, Validator validator, Clock clock) {
		this.creation = creation;
		this.administration = administration;
		this.repository = repository;
		this.json = json;
		this.validator = validator;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int shown = Math.max(0, Math.min(page, 100_000));
		DataLinkRepository.Page found = this.repository.search(null, DataLinkStatus.of(status), this.clock.instant(),
				shown, PAGE_SIZE);
		Instant now = this.clock.instant();
		model.addAttribute("links", found.items().stream().map((link) -> Row.of(link, now)).toList());
		model.addAttribute("status", status);
		model.addAttribute("page", shown);
		model.addAttribute("hasMore", (long) (shown + 1) * PAGE_SIZE < found.total());
		return "console/data-links";
	}

	@PostMapping
	String create(@RequestParam(required = false) @Nullable String tenant,
			@RequestParam(required = false) @Nullable String payload,
			@RequestParam(required = false) @Nullable String schema,
			@RequestParam(required = false) @Nullable String factor,
			@RequestParam(required = false) @Nullable String dob,
			@RequestParam(required = false) @Nullable String factorEmail,
			@RequestParam(required = false) @Nullable Long expiresIn,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String sms, Authentication staff, HttpServletResponse response,
			Model model) {
		CreateDataLinkRequest.Deliver deliver = (email != null || sms != null)
				? new CreateDataLinkRequest.Deliver(email, sms) : null;
		CreateDataLinkRequest form = FormValidation.checked(this.validator,
				new CreateDataLinkRequest(tenant, json("payload", payload), json("schema", schema),
						new CreateDataLinkRequest.Factor(factor, "dob".equals(factor) ? dob : null,
								"email_otp".equals(factor) ? factorEmail : null),
						expiresIn, null, null, deliver),
				InvalidDataLinkRequestException::new);
		DataLinkCreation.CreatedDataLink created = this.creation.create(form.validated(), staff.getName());
		// The PIN exists nowhere else.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("link", created.link());
		model.addAttribute("url", created.url());
		model.addAttribute("pin", created.pin());
		model.addAttribute("deliveries", created.deliveries());
		return "console/data-link-created";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("row", Row.of(this.administration.find(id), this.clock.instant()));
		model.addAttribute("visits", this.repository.history(id, "visit"));
		model.addAttribute("attempts", this.repository.history(id, "attempt"));
		return "console/data-link";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable UUID id, Authentication staff, RedirectAttributes redirect) {
		this.administration.revoke(id, staff.getName());
		redirect.addFlashAttribute("notice", "revoked");
		return "redirect:/console/data-links";
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable UUID id, Authentication admin, RedirectAttributes redirect) {
		this.administration.unlock(id, admin.getName());
		redirect.addFlashAttribute("notice", "unlocked");
		return "redirect:/console/data-links";
	}

	private @Nullable JsonNode json(String name, @Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidDataLinkRequestException(name + " must be JSON");
		}
	}

	/**
	 * A data link as the console shows it.
	 */
	record Row(DataLink link, String status, String factor) {

		static Row of(DataLink link, Instant now) {
			return new Row(link, link.status(now).value(), link.factorType().value());
		}

	}

}
