package io.latchkey.invitation;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/admin/invitations}, as DESIGN.md fixes it.
 */
record CreateInvitationRequest(@JsonProperty("client_id") @NotBlank(message = "is required") @Nullable String clientId,
		@NotNull(message = SUBJECT_RULE) @Pattern(regexp = "[A-Za-z0-9._@+-]{1,200}",
				message = SUBJECT_RULE) @Nullable String subject,
		@Pattern(regexp = "[A-Za-z0-9.-]{1,64}",
				message = "must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .") @Nullable String patient,
		@Nullable String scope,
		@JsonProperty("expires_in") @Min(value = 60, message = "must be at least 60 seconds") @Nullable Long expiresIn,
		@Valid @Nullable Deliver deliver) {

	private static final String SUBJECT_RULE = "is required: 1 to 200 letters, digits or . _ @ + -";

	/**
	 * The rules that span members, beyond the constraints on each.
	 */
	NewInvitation validated() {
		Set<String> scopes = null;
		if (this.scope != null) {
			scopes = new LinkedHashSet<>();
			for (String value : this.scope.trim().split(" +")) {
				if (!value.isEmpty()) {
					scopes.add(value);
				}
			}
		}
		String email = (this.deliver != null) ? this.deliver.email() : null;
		String sms = (this.deliver != null) ? this.deliver.sms() : null;
		if (this.deliver != null && email == null && sms == null) {
			throw new InvalidInvitationRequestException("deliver needs an email address or a phone number");
		}
		return new NewInvitation(this.clientId, this.subject, this.patient, scopes,
				(this.expiresIn != null) ? Duration.ofSeconds(this.expiresIn) : null, email, sms);
	}

	/**
	 * Where to send the link.
	 */
	record Deliver(
			@Pattern(regexp = "[^@\\s]{1,64}@[^@\\s]{1,255}",
					message = "is not an email address") @Nullable String email,
			@Pattern(regexp = "\\+?[0-9 ()-]{4,40}", message = "is not a phone number") @Nullable String sms) {

	}

}
