package io.latchkey.datalink;

import java.util.Arrays;
import java.util.Optional;

/**
 * The second factor a data link asks for.
 */
enum FactorType {

	DOB("dob"), PIN("pin"), EMAIL_OTP("email_otp");

	private final String value;

	FactorType(String value) {
		this.value = value;
	}

	String value() {
		return this.value;
	}

	static Optional<FactorType> of(String value) {
		return Arrays.stream(values()).filter((type) -> type.value.equals(value)).findFirst();
	}

}
