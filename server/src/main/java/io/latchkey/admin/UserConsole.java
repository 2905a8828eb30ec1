package io.latchkey.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.latchkey.admin.UserAdminController.CreateUserRequest;
import io.latchkey.identity.UserAccount;
import io.latchkey.identity.UserAccounts;
import io.latchkey.shared.FormValidation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's local accounts (admins only): list them, create one, disable or enable
 * one. Disabling revokes the person's grants, sessions and consents at once.
 */
@Controller
@RequestMapping("/console/users")
class UserConsole {

	private static final int PAGE_SIZE = 50;

	private final UserAccounts users;

	private final Validator validator;

	UserConsole(UserAccounts users, Validator validator) {
		this.users = users;
		this.validator = validator;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		int shown = Math.max(0, Math.min(page, 100_000));
		List<UserAccount> found = this.users.list(shown, PAGE_SIZE);
		model.addAttribute("users", found.stream().limit(PAGE_SIZE).toList());
		model.addAttribute("page", shown);
		model.addAttribute("hasMore", found.size() > PAGE_SIZE);
		return "console/users";
	}

	@PostMapping
	String create(@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable List<String> roles,
			@RequestParam(required = false) @Nullable String patient, RedirectAttributes redirect) {
		CreateUserRequest request = FormValidation
			.checked(this.validator,
					new CreateUserRequest(username, password, email, phone,
							(roles != null) ? new ArrayList<>(roles) : List.of(), patient),
					InvalidRequestException::new);
		this.users.create(request.validated());
		redirect.addFlashAttribute("notice", "created");
		return "redirect:/console/users";
	}

	@PostMapping("/{id}/enabled")
	String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		this.users.setEnabled(id, enabled).orElseThrow(() -> new NotFoundException("user"));
		redirect.addFlashAttribute("notice", "updated");
		return "redirect:/console/users";
	}

}
