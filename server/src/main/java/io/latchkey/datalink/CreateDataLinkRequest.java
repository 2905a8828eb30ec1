package io.latchkey.datalink;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/admin/data-links}.
 */
record CreateDataLinkRequest(
		@Pattern(regexp = "[A-Za-z0-9_.-]{1,100}",
				message = "must be 1 to 100 letters, digits, '.', '_' or '-'") @Nullable String tenant,
		@Nullable JsonNode payload, @Nullable JsonNode schema, @Nullable Factor factor,
		@JsonProperty("expires_in") @Min(value = 60, message = "must be at least 60 seconds") @Nullable Long expiresIn,
		@JsonProperty("allows_submission") @Nullable Boolean allowsSubmission,
		@JsonProperty("max_leases") @Min(value = 1, message = "must be at least 1") @Nullable Integer maxLeases,
		@Valid @Nullable Deliver deliver) {

	static final String DEFAULT_TENANT = "default";

	/**
	 * The rules that span members (the factor's) or that constraints cannot say (a JSON
	 * {@code null} payload), beyond the constraints on each member.
	 */
	NewDataLink validated() {
		String tenantName = (this.tenant != null) ? this.tenant : DEFAULT_TENANT;
		if (this.payload == null || this.payload.isNull() || this.payload.isMissingNode()) {
			throw new InvalidDataLinkRequestException("payload is required");
		}
		if (this.factor == null || this.factor.type() == null) {
			throw new InvalidDataLinkRequestException("factor.type is required: dob, pin or email_otp");
		}
		FactorType type = FactorType.of(this.factor.type())
			.orElseThrow(() -> new InvalidDataLinkRequestException("factor.type must be dob, pin or email_otp"));
		if (type == FactorType.DOB && this.factor.value() == null) {
			throw new InvalidDataLinkRequestException("factor.value is required for dob");
		}
		if (type == FactorType.PIN && this.factor.value() != null) {
			throw new InvalidDataLinkRequestException("factor.value must be absent for pin: Latchkey generates it");
		}
		if (type == FactorType.EMAIL_OTP && !isEmail(this.factor.email())) {
			throw new InvalidDataLinkRequestException("factor.email must be an email address for email_otp");
		}
		JsonNode answerSchema = (this.schema != null && !this.schema.isNull()) ? this.schema : null;
		return new NewDataLink(tenantName, this.payload, answerSchema, type, this.factor.value(), this.factor.email(),
				(this.expiresIn != null) ? Duration.ofSeconds(this.expiresIn) : null,
				(this.allowsSubmission != null) ? this.allowsSubmission : answerSchema != null, this.maxLeases,
				(this.deliver != null) ? this.deliver.email() : null,
				(this.deliver != null) ? this.deliver.sms() : null);
	}

	private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	private static boolean isEmail(@Nullable String value) {
		return value != null && value.length() <= 254 && value.matches(EMAIL);
	}

	/**
	 * The second factor: its type, a date of birth as {@code value}, or the address that
	 * receives one-time codes.
	 */
	record Factor(@Nullable String type, @Nullable String value, @Nullable String email) {

		@Override
		public String toString() {
			return "Factor[type=" + this.type + "]";
		}

	}

	/**
	 * Where to send the link.
	 */
	record Deliver(
			@Size(max = 254, message = "must be an email address") @Pattern(regexp = EMAIL,
					message = "must be an email address") @Nullable String email,
			@Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number") @Nullable String sms) {

	}

}
