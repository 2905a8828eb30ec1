package io.latchkey.invitation;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/admin/invitations}, as DESIGN.md fixes it.
 */
record CreateInvitationRequest(@JsonProperty("client_id") @Nullable String clientId, @Nullable String subject,
		@Nullable String patient, @Nullable String scope, @JsonProperty("expires_in") @Nullable Long expiresIn,
		@Nullable Deliver deliver) {

	NewInvitation validated() {
		if (this.clientId == null || this.clientId.isBlank()) {
			throw new InvalidInvitationRequestException("client_id is required");
		}
		if (this.subject == null || !this.subject.matches("[A-Za-z0-9._@+-]{1,200}")) {
			throw new InvalidInvitationRequestException("subject is required: 1 to 200 letters, digits or . _ @ + -");
		}
		if (this.patient != null && !this.patient.matches("[A-Za-z0-9.-]{1,64}")) {
			throw new InvalidInvitationRequestException("patient must be a FHIR id: 1 to 64 of A-Z a-z 0-9 - .");
		}
		Set<String> scopes = null;
		if (this.scope != null) {
			scopes = new LinkedHashSet<>();
			for (String value : this.scope.trim().split(" +")) {
				if (!value.isEmpty()) {
					scopes.add(value);
				}
			}
		}
		if (this.expiresIn != null && this.expiresIn < 60) {
			throw new InvalidInvitationRequestException("expires_in must be at least 60 seconds");
		}
		String email = (this.deliver != null) ? this.deliver.email() : null;
		String sms = (this.deliver != null) ? this.deliver.sms() : null;
		if (this.deliver != null && email == null && sms == null) {
			throw new InvalidInvitationRequestException("deliver needs an email address or a phone number");
		}
		if (email != null && !email.matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
			throw new InvalidInvitationRequestException("deliver.email is not an email address");
		}
		if (sms != null && !sms.matches("\\+?[0-9 ()-]{4,40}")) {
			throw new InvalidInvitationRequestException("deliver.sms is not a phone number");
		}
		return new NewInvitation(this.clientId, this.subject, this.patient, scopes,
				(this.expiresIn != null) ? Duration.ofSeconds(this.expiresIn) : null, email, sms);
	}

	/**
	 * Where to send the link.
	 */
	record Deliver(@Nullable String email, @Nullable String sms) {

	}

}
