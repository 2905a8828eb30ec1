package io.latchkey.admin;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.latchkey.authorization.ClientConsents;
import io.latchkey.identity.NewUserAccount;
import io.latchkey.identity.PasswordLimits;
import io.latchkey.identity.UserAccount;
import io.latchkey.identity.UserAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for local accounts: {@code /api/admin/users}. An account's {@code id} is also
 * the {@code sub} of its tokens.
 */
@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {

	private static final int MIN_PASSWORD_LENGTH = 12;

	private final UserAccounts users;

	private final ClientConsents consents;

	UserAdminController(UserAccounts users, ClientConsents consents) {
		this.users = users;
		this.consents = consents;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateUserRequest request) {
		UserAccount created = this.users.create(request.validated());
		return ResponseEntity.created(URI.create("/api/admin/users/" + created.id())).body(describe(created));
	}

	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable UUID id) {
		return this.users.findById(id)
			.map(UserAdminController::describe)
			.orElseThrow(() -> new NotFoundException("user"));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		if (!this.users.delete(id)) {
			throw new NotFoundException("user");
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * Disables or enables an account; disabling revokes at once every grant, session and
	 * consent the person has, and they stay revoked when the account is enabled again.
	 */
	@PatchMapping("/{id}")
	Map<String, Object> update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest request) {
		return this.users.setEnabled(id, request.enabled())
			.map(UserAdminController::describe)
			.orElseThrow(() -> new NotFoundException("user"));
	}

	/**
	 * Withdraws the consent the person gave the client, so that its next authorization
	 * request asks them again.
	 */
	@DeleteMapping("/{id}/consents/{clientId}")
	ResponseEntity<Void> revokeConsent(@PathVariable UUID id, @PathVariable String clientId) {
		UserAccount user = this.users.findById(id).orElseThrow(() -> new NotFoundException("user"));
		if (!this.consents.revoke(clientId, user.id().toString())) {
			throw new NotFoundException("consent");
		}
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Object> describe(UserAccount user) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", user.id());
		view.put("username", user.username());
		view.put("email", user.email());
		view.put("phone", user.phone());
		view.put("roles", user.roles().stream().sorted().toList());
		view.put("patient", user.patient());
		view.put("enabled", user.enabled());
		view.put("created_at", user.createdAt());
		return view;
	}

	/**
	 * The body of {@code PATCH /api/admin/users/{id}}.
	 */
	record UpdateUserRequest(
			@NotNull(message = "(true or false) is the one member that can be changed") @Nullable Boolean enabled) {

	}

	/**
	 * The body of {@code POST /api/admin/users}, as DESIGN.md fixes it. The password's
	 * rules are checked by hand: a constraint would carry the rejected password in its
	 * error.
	 */
	record CreateUserRequest(
			@NotNull(message = USERNAME_RULE) @Pattern(
					regexp = "[A-Za-z0-9._@+-]{1,200}", message = USERNAME_RULE) @Nullable String username,
			@Nullable String password,
			@Pattern(regexp = "[^@\\s]{1,64}@[^@\\s]{1,255}",
					message = "is not an email address") @Nullable String email,
			@Pattern(regexp = "\\+?[0-9 ()-]{4,40}", message = "is not a phone number") @Nullable String phone,
			@Nullable List<@NotNull(message = ROLE_RULE) @Pattern(regexp = "[a-z][a-z0-9_-]{0,63}",
					message = ROLE_RULE) String> roles,
			@Pattern(regexp = "[A-Za-z0-9.-]{1,64}",
					message = "must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .") @Nullable String patient) {

		private static final String USERNAME_RULE = "is required: 1 to 200 letters, digits or . _ @ + -";

		private static final String ROLE_RULE = "must be lower-case names";

		NewUserAccount validated() {
			if (this.password != null && this.password.length() < MIN_PASSWORD_LENGTH) {
				throw new InvalidRequestException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
			}
			if (this.password != null && !PasswordLimits.fitsHash(this.password)) {
				throw new InvalidRequestException(
						"password must have at most " + PasswordLimits.MAX_BYTES + " bytes in UTF-8");
			}
			List<String> roleList = (this.roles != null) ? this.roles : List.of();
			return new NewUserAccount(this.username, this.password, this.email, this.phone, Set.copyOf(roleList),
					this.patient);
		}

	}

}
