package io.latchkey.shared;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks a request a page form built against the same constraints its JSON twin is
 * checked with, naming the fields and never the values sent, which may be secrets.
 */
public final class FormValidation {

	private FormValidation() {
	}

	/**
	 * The request if it keeps its constraints.
	 * @throws ProblemException the failure {@code refusal} makes of the broken rules
	 */
	public static <T> T checked(Validator validator, T request, Function<String, ? extends ProblemException> refusal) {
		Set<ConstraintViolation<T>> violations = validator.validate(request);
		if (violations.isEmpty()) {
			return request;
		}
		Set<String> messages = new TreeSet<>();
		violations.forEach((violation) -> messages.add(violation.getPropertyPath() + " " + violation.getMessage()));
		throw refusal.apply(String.join("; ", messages));
	}

}
