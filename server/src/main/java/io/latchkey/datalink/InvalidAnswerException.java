package io.latchkey.datalink;

import java.util.List;

/**
 * A submitted answer does not satisfy the link's schema or {@code Questionnaire}.
 */
class InvalidAnswerException extends RuntimeException {

	private final List<FieldError> errors;

	InvalidAnswerException(List<FieldError> errors) {
		super("The answer is not valid: " + String.join("; ",
				errors.stream().limit(5).map((error) -> error.field() + ": " + error.message()).toList()));
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * One problem with an answer.
	 *
	 * @param field the JSON pointer of the value, or the {@code Questionnaire} item's
	 * {@code linkId}
	 * @param message what is wrong
	 */
	record FieldError(String field, String message) {

	}

}
